import { type SQL, sql } from 'drizzle-orm';
import { afterCommit, tracksCommits } from '@/db/after-commit';
import type { DatabaseOrTransaction } from '@/db/client';
import type { JobPayloads, JobName } from './job-names';
import { wakeWorkers } from './wake-workers';

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
  const { statement, queued } = queueJobStatement(tx, name, payload, options);
  await tx.execute(statement);
  queued();
}

/**
 * The statement that queues a job on `tx` (to send alone, or after a `with … insert`, so a row and its job cost
 * one round trip), and what to call once it has run.
 *
 * A new job is queued quietly (migration 0035's add_job_quietly) and the workers are woken after the commit
 * (wakeWorkers). graphile-worker's add_job notifies inside the transaction, and a transaction that has notified
 * holds PostgreSQL's notify lock, one for the whole server, from its commit until the commit is on disk: every
 * transaction that queued a job committed one after another. add_job stays for what only it does: replacing a
 * waiting job with the same key, a later run_at, and a transaction whose commit we cannot see (a handle that
 * createDatabase did not make). `keyIsNew` says a job key cannot be queued already (a fresh id in it).
 */
export function queueJobStatement<N extends JobName>(
  tx: DatabaseOrTransaction,
  name: N,
  payload: JobPayloads[N],
  options: EnqueueJobOptions = {},
  { keyIsNew = false }: { keyIsNew?: boolean } = {},
): { statement: SQL; queued: () => void } {
  const isNewJob = (options.jobKey === undefined || keyIsNew) && !options.runAt && !options.jobKeyMode;
  if (!isNewJob || !tracksCommits(tx)) return { statement: addJobSql(name, payload, options), queued: () => {} };
  return {
    statement: sql`select add_job_quietly(${name}, ${JSON.stringify(payload)}::json, ${options.jobKey ?? null}, ${options.maxAttempts ?? 25}::smallint)`,
    queued: () => void afterCommit(tx, (database) => wakeWorkers(database)),
  };
}

/** graphile-worker's own `select graphile_worker.add_job(…)`, which notifies the workers inside the transaction. */
function addJobSql<N extends JobName>(name: N, payload: JobPayloads[N], options: EnqueueJobOptions): SQL {
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
