import { sql } from 'drizzle-orm';
import { Logger, run, type Runner } from 'graphile-worker';
import type { DatabaseOrTransaction } from '@/db/client';
import { env } from '@/lib/env';
import { taskList } from '@/lib/jobs/task-list';

/**
 * The real graphile-worker in this process, polling fast so tests wait seconds,
 * not minutes. Quiet: a job failing on purpose would otherwise fill the output.
 */
export async function startJobWorker(): Promise<Runner> {
  return run({
    connectionString: env().DATABASE_URL,
    concurrency: 2,
    pollInterval: 200,
    noHandleSignals: true,
    taskList,
    logger: new Logger(() => () => {}),
  });
}

/**
 * Marks every queued job done without running it. Earlier tests in a file queue
 * deliver-email jobs they never run; a worker started later must not spend the
 * test's time (or its SMTP inbox) on them.
 */
export async function discardQueuedJobs(db: DatabaseOrTransaction): Promise<void> {
  await db.execute(sql`select graphile_worker.complete_jobs(array(select id from graphile_worker.jobs))`);
}
