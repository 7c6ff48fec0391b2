import { run, type Runner } from 'graphile-worker';
import { env } from '@/lib/env';
import { crontab, taskList } from './task-list';

/** Starts the background worker: outbox delivery and scheduled jobs, woken by LISTEN/NOTIFY. */
export async function runWorker(options: { handleSignals: boolean }): Promise<Runner> {
  const { DATABASE_URL, WORKER_CONCURRENCY } = env();
  return run({
    connectionString: DATABASE_URL,
    concurrency: WORKER_CONCURRENCY,
    noHandleSignals: !options.handleSignals,
    pollInterval: 2000,
    taskList,
    crontab,
  });
}
