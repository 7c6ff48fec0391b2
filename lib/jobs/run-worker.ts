import { run, type Runner } from 'graphile-worker';
import { getDb } from '@/db/client';
import { startAuditSealer } from '@/lib/audit/start-audit-sealer';
import { env } from '@/lib/env';
import { crontab, taskList } from './task-list';

/**
 * Batching for a backlog (a burst of intake mail): the pool locks a few more jobs than it runs and hands
 * them out without a round trip each, and finished jobs are marked complete together.
 * https://worker.graphile.org/docs/performance#batching
 */
export function workerPreset(concurrency: number): GraphileConfig.Preset {
  return { worker: { localQueue: { size: concurrency * 2 }, completeJobBatchDelay: 0 } };
}

/**
 * Starts the background worker: outbox delivery and scheduled jobs, woken by LISTEN/NOTIFY, and the
 * audit log's sealer (every AUDIT_SEAL_INTERVAL_MS, stopped with the runner).
 */
export async function runWorker(options: { handleSignals: boolean }): Promise<Runner> {
  const { DATABASE_URL, WORKER_CONCURRENCY, AUDIT_SEAL_INTERVAL_MS } = env();
  const runner = await run({
    connectionString: DATABASE_URL,
    concurrency: WORKER_CONCURRENCY,
    preset: workerPreset(WORKER_CONCURRENCY),
    noHandleSignals: !options.handleSignals,
    pollInterval: 2000,
    taskList,
    crontab,
  });
  const stopSealer = startAuditSealer(getDb(), { intervalMs: AUDIT_SEAL_INTERVAL_MS });
  void runner.promise.then(stopSealer, stopSealer);
  return runner;
}
