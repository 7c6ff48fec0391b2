import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * One row per running worker process, renewed every few seconds. graphile-worker 0.18
 * frees the jobs of a worker that died only after 4 hours; a live worker that sees a
 * row go stale unlocks that process's jobs with graphile_worker.force_unlock_workers
 * (lib/jobs/worker-heartbeat.ts).
 */
export const jobWorkerHeartbeats = pgTable('job_worker_heartbeats', {
  processId: uuid().primaryKey(),
  /** graphile-worker's pool ids in this process (running, or ended with locks not yet released): what `locked_by` holds on its jobs. */
  workerIds: text().array().notNull(),
  hostname: text().notNull(),
  pid: text().notNull(),
  beatAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
