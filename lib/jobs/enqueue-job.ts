import { type SQL, sql } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '@/db/client';
import type { JobPayloads, JobName } from './job-names';

export type EnqueueJobOptions = {
  jobKey?: string;
  /** graphile-worker's job_key_mode: 'replace' (default) moves a pending job's run_at, 'preserve_run_at' keeps it. */
  jobKeyMode?: 'replace' | 'preserve_run_at';
  runAt?: Date;
  maxAttempts?: number;
};

/**
 * Adds a graphile-worker job with SQL on the caller's transaction: the job
 * exists if and only if the caller's change commits (the outbox guarantee).
 */
export async function enqueueJob<N extends JobName>(
  tx: DatabaseOrTransaction,
  name: N,
  payload: JobPayloads[N],
  options: EnqueueJobOptions = {},
): Promise<void> {
  await tx.execute(addJobSql(name, payload, options));
}

/**
 * The `select graphile_worker.add_job(…)` statement, for a caller that sends it as part of a
 * larger statement (e.g. after a `with … insert`, so a row and its job cost one round trip).
 */
export function addJobSql<N extends JobName>(name: N, payload: JobPayloads[N], options: EnqueueJobOptions = {}): SQL {
  // The ::json cast is needed: without it Postgres finds no add_job(unknown, jsonb).
  return sql`select graphile_worker.add_job(
    ${name},
    ${JSON.stringify(payload)}::json,
    job_key => ${options.jobKey ?? null},
    run_at => ${options.runAt?.toISOString() ?? null}::timestamptz,
    max_attempts => ${options.maxAttempts ?? 25},
    job_key_mode => ${options.jobKeyMode ?? null}
  )`;
}
