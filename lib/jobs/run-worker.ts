import { EventEmitter } from 'node:events';
import { run, type Runner, type TaskList, type WorkerEvents } from 'graphile-worker';
import pg from 'pg';
import { getDb } from '@/db/client';
import { startAuditSealer } from '@/lib/audit/start-audit-sealer';
import { env } from '@/lib/env';
import { trackHeldJobs } from './held-jobs';
import { crontab, FULFILMENT_TASKS, taskList } from './task-list';
import { startWorkerHeartbeat } from './worker-heartbeat';
import { startWorkerWatchdog } from './worker-watchdog';

export type JobWorker = {
  /** Graceful: running jobs finish (or are aborted after a grace period), then everything this process holds is released. */
  stop(): Promise<void>;
  /**
   * For a worker whose stop did not finish (a connection that hangs): stops its heartbeat, watchdog and sealer
   * and leaves its jobs locked, so a live worker's reaper frees them once its heartbeat has gone stale.
   */
  abandon(): void;
  /** Settles when the worker stops, or rejects when a pool fails. */
  promise: Promise<void>;
};

export type RunWorkerOptions = {
  /**
   * Called once when a pool can no longer work: it reported a fatal error, or it has stalled
   * (lib/jobs/worker-watchdog.ts). The caller restarts the worker; without it the failure is only logged.
   */
  onFailure?: (reason: string) => void;
};

/**
 * Batching for a backlog (a burst of intake mail): the pool locks a few more jobs than it runs and hands
 * them out without a round trip each, and finished jobs are marked complete together.
 * https://worker.graphile.org/docs/performance#batching
 */
export function workerPreset(concurrency: number): GraphileConfig.Preset {
  return {
    worker: { localQueue: { size: concurrency * 2 }, completeJobBatchDelay: 0 },
  };
}

/**
 * Starts the background worker, woken by LISTEN/NOTIFY, as two pools that take
 * different tasks: fulfilment (gathering and packaging) has its own slots, so a
 * backlog of thousands of emails never delays a gather or an erasure; everything else
 * (the outbox, scheduled jobs) shares WORKER_CONCURRENCY. A heartbeat lets a live
 * worker free the jobs of one that died (lib/jobs/worker-heartbeat.ts). The audit log's sealer runs
 * beside them (every AUDIT_SEAL_INTERVAL_MS) and stops with them.
 */
export async function runWorker({ onFailure }: RunWorkerOptions = {}): Promise<JobWorker> {
  const { DATABASE_URL, WORKER_CONCURRENCY, FULFILMENT_CONCURRENCY, AUDIT_SEAL_INTERVAL_MS } = env();
  const events: WorkerEvents = new EventEmitter();
  const held = trackHeldJobs(events);
  const watchdog = startWorkerWatchdog(events, {
    onFailure: onFailure ?? ((reason) => console.error(`[worker] ${reason}`)),
  });
  const pick = (keep: (name: string) => boolean): TaskList => Object.fromEntries(Object.entries(taskList).filter(([name]) => keep(name)));
  // One pool for both, with error handlers for its whole life: graphile-worker removes the ones it
  // installs while a runner stops, and a connection the server cuts just then (a database restart
  // during a deploy) would otherwise be an unhandled 'error' event that ends the process.
  const pgPool = new pg.Pool({
    connectionString: DATABASE_URL,
    max: WORKER_CONCURRENCY + FULFILMENT_CONCURRENCY + 4,
    connectionTimeoutMillis: 5_000,
  });
  const logPoolError = (error: Error) => console.error(`[worker] database connection error: ${error.message}`);
  pgPool.on('error', logPoolError);
  pgPool.on('connect', (client) => client.on('error', logPoolError));
  const common = { pgPool, noHandleSignals: true, pollInterval: 2000, events };

  const runners: Runner[] = [];
  try {
    runners.push(
      await run({
        ...common,
        concurrency: FULFILMENT_CONCURRENCY,
        taskList: pick((name) => FULFILMENT_TASKS.has(name)),
        parsedCronItems: [],
      }),
    );
    runners.push(
      await run({
        ...common,
        concurrency: WORKER_CONCURRENCY,
        preset: workerPreset(WORKER_CONCURRENCY),
        taskList: pick((name) => !FULFILMENT_TASKS.has(name)),
        crontab,
      }),
    );
  } catch (error) {
    watchdog.stop();
    await Promise.allSettled(runners.map((runner) => runner.stop()));
    await pgPool.end();
    throw error;
  }
  const heartbeat = startWorkerHeartbeat(getDb(), { held });
  const stopSealer = startAuditSealer(getDb(), {
    intervalMs: AUDIT_SEAL_INTERVAL_MS,
  });

  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      watchdog.stop();
      await stopSealer();
      await Promise.allSettled(runners.map((runner) => runner.stop()));
      await heartbeat.stop().catch((error) => console.error('[worker] could not release its jobs at stop:', error));
      await pgPool.end().catch(() => {});
    })());
  return {
    stop,
    abandon() {
      watchdog.stop();
      void stopSealer().catch(() => {});
      heartbeat.abandon();
    },
    promise: Promise.all(runners.map((runner) => runner.promise)).then(() => undefined),
  };
}
