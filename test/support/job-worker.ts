import { sql } from 'drizzle-orm';
import { Logger, run, type Runner } from 'graphile-worker';
import type { DatabaseOrTransaction } from '@/db/client';
import { env } from '@/lib/env';
import type { JobName } from '@/lib/jobs/job-names';
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

/**
 * Runs every queued job of one task through the worker's own task (lib/jobs/task-list.ts), all at once as
 * a worker with spare slots would, and marks them done: for tests that assert what a job did without
 * starting a worker. Returns how many ran.
 */
export async function runQueuedJobs(db: DatabaseOrTransaction, task: JobName): Promise<number> {
  const jobs = await db.execute<{ id: string; payload: unknown }>(
    // The public jobs view leaves the payload out.
    sql`select job.id::text, job.payload from graphile_worker._private_jobs job
        join graphile_worker._private_tasks task on task.id = job.task_id
        where task.identifier = ${task} and job.locked_at is null order by job.id`,
  );
  const run = taskList[task];
  if (typeof run !== 'function') throw new Error(`no task ${task}`);
  // Only the job's id of graphile-worker's helpers: tasks that need more are run by startJobWorker.
  await Promise.all(jobs.map((job) => run(job.payload, { job: { id: job.id } } as Parameters<typeof run>[1])));
  if (jobs.length > 0) await db.execute(sql`select graphile_worker.complete_jobs(${`{${jobs.map((job) => job.id).join(',')}}`}::bigint[])`);
  return jobs.length;
}
