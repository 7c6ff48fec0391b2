import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';

/** How long a wake waits for others to join it: the latency it adds to a queued job. */
const COALESCE_MS = 2;

const pendingByDatabase = new WeakMap<Database, { count: number }>();

/**
 * Tells the workers that `count` jobs were queued with add_job_quietly (migration 0035), after the transaction
 * that queued them committed. graphile-worker's workers LISTEN on 'jobs:insert' and fetch at once; this is the
 * notification add_job would have sent from inside the transaction, where it made every intake wait for the notify
 * lock. One NOTIFY per process per couple of milliseconds carries the count of everything queued in between.
 * Never throws: a wake that fails (the database just went away) only leaves the jobs to the workers' next poll.
 */
export function wakeWorkers(db: Database, count = 1): void {
  const pending = pendingByDatabase.get(db);
  if (pending) {
    pending.count += count;
    return;
  }
  pendingByDatabase.set(db, { count });
  setTimeout(() => {
    const { count: queued } = pendingByDatabase.get(db)!;
    pendingByDatabase.delete(db);
    db.execute(sql`select pg_notify('jobs:insert', ${JSON.stringify({ count: queued })})`).catch((error: unknown) =>
      console.error(`[jobs] could not wake the workers (their next poll will find the jobs): ${String(error)}`),
    );
  }, COALESCE_MS);
}
