import type { WorkerEvents } from 'graphile-worker';

export type HeldJobs = {
  /** The ids of this process's running pools: what graphile-worker 0.18 writes in a job's `locked_by`. */
  livePoolIds(): string[];
  /** Pools that have ended and whose leftover locks have not been released yet (see `forgetEndedPools`). */
  endedPoolIds(): string[];
  /** Called once the jobs still locked by these ended pools have been unlocked. */
  forgetEndedPools(poolIds: string[]): void;
  /**
   * The jobs this process's pools have in memory (fetched into a local queue or by a worker, and not yet
   * finished or handed back), and those finished or handed back within the last `graceMs`, whose outcome
   * may still be on its way to the database.
   */
  heldJobIds(): string[];
};

/**
 * Keeps, from graphile-worker's events, what this process's pools hold. A job the database shows as locked
 * by one of them that none of them holds is orphaned and would stay locked for graphile-worker's 4 hours
 * while the pool lives on: a fetch whose jobs were locked and committed but whose answer the connection
 * lost (a database restarting mid-fetch), or a pool that ended without handing back what it held.
 * The heartbeat (lib/jobs/worker-heartbeat.ts) unlocks those.
 */
export function trackHeldJobs(events: WorkerEvents, { graceMs = 60_000, now = Date.now } = {}): HeldJobs {
  const live = new Set<string>();
  const ended = new Set<string>();
  /** Job id → when it was finished or handed back (null while held). */
  const jobs = new Map<string, number | null>();
  const hold = (list: readonly { id: string }[]) => {
    for (const job of list) jobs.set(job.id, null);
  };
  const letGo = (list: readonly { id: string }[]) => {
    for (const job of list) jobs.set(job.id, now());
  };

  events.on('pool:create', ({ workerPool }) => live.add(workerPool.id));
  events.on('pool:release', ({ workerPool }) => {
    live.delete(workerPool.id);
    ended.add(workerPool.id);
  });
  events.on('localQueue:getJobs:complete', ({ jobs: fetched }) => hold(fetched));
  events.on('job:start', ({ job }) => hold([job]));
  events.on('job:complete', ({ job }) => letGo([job]));
  events.on('localQueue:returnJobs', ({ jobs: returned }) => letGo(returned));

  return {
    livePoolIds: () => [...live],
    endedPoolIds: () => [...ended],
    forgetEndedPools(poolIds) {
      for (const id of poolIds) ended.delete(id);
    },
    heldJobIds() {
      const ids: string[] = [];
      for (const [id, letGoAt] of jobs) {
        if (letGoAt !== null && now() - letGoAt > graceMs) jobs.delete(id);
        else ids.push(id);
      }
      return ids;
    },
  };
}
