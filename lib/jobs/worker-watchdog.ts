import type { WorkerEvents } from 'graphile-worker';

export type WorkerWatchdogOptions = {
  /** A pool with no job running that has neither fetched nor run anything for this long is taken as stuck. */
  stallAfterMs?: number;
  checkEveryMs?: number;
  /** Called once, with the reason, when a pool reports a fatal error or stalls. */
  onFailure: (reason: string) => void;
  now?: () => number;
};

export type WorkerWatchdog = {
  stop(): void;
  /** For tests: runs one check now. */
  check(): void;
};

type PoolState = { running: number; lastActivityAt: number };

/**
 * Tells the worker process when a graphile-worker pool can no longer work, so it can
 * restart the pool instead of holding its jobs forever:
 * - a pool that could not record a job's outcome (`pool:fatalError`, e.g. the database
 *   restarted mid-batch) shuts itself down, and its promise settles only once that shutdown
 *   finishes, which a dead connection can delay indefinitely;
 * - a pool that stops fetching (an idle pool fetches every poll interval, a busy one runs
 *   jobs) while nothing runs is stuck, whatever the cause.
 * The process's heartbeat keeps beating through both, so no other worker would take over
 * the jobs such a pool had locked.
 */
export function startWorkerWatchdog(
  events: WorkerEvents,
  { stallAfterMs = 60_000, checkEveryMs = 5_000, onFailure, now = Date.now }: WorkerWatchdogOptions,
): WorkerWatchdog {
  const pools = new Map<string, PoolState>();
  let hasFailed = false;
  const fail = (reason: string) => {
    if (hasFailed) return;
    hasFailed = true;
    onFailure(reason);
  };
  const touch = (poolId: string, change = 0) => {
    const state = pools.get(poolId);
    if (!state) return;
    state.lastActivityAt = now();
    state.running = Math.max(0, state.running + change);
  };

  events.on('pool:create', ({ workerPool }) => pools.set(workerPool.id, { running: 0, lastActivityAt: now() }));
  events.on('pool:release', ({ workerPool }) => pools.delete(workerPool.id));
  events.on('localQueue:getJobs:complete', ({ localQueue }) => touch(localQueue.workerPool.id));
  events.on('worker:getJob:empty', ({ worker }) => touch(worker.workerPool.id));
  events.on('job:start', ({ worker }) => touch(worker.workerPool.id, +1));
  events.on('job:complete', ({ worker }) => touch(worker.workerPool.id, -1));
  events.on('pool:fatalError', ({ error, action }) =>
    fail(`a worker pool could not ${action === 'failJob' ? 'record a failed job' : 'record finished jobs'}: ${String(error)}`),
  );
  events.on('worker:fatalError', ({ error }) => fail(`a worker hit a fatal error: ${String(error)}`));

  const check = () => {
    for (const [poolId, state] of pools) {
      const idleForMs = now() - state.lastActivityAt;
      if (state.running === 0 && idleForMs > stallAfterMs) {
        fail(`worker pool ${poolId} has neither fetched nor run a job for ${Math.round(idleForMs / 1000)} s`);
      }
    }
  };
  const timer = setInterval(check, checkEveryMs);
  timer.unref();
  return { stop: () => clearInterval(timer), check };
}
