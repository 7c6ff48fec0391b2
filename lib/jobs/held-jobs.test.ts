import { EventEmitter } from 'node:events';
import type { WorkerEvents } from 'graphile-worker';
import { describe, expect, it } from 'vitest';
import { trackHeldJobs } from './held-jobs';

/** graphile-worker's events as the tracker reads them: only the fields it uses. */
function pool(id: string, events: EventEmitter) {
  const workerPool = { id };
  const localQueue = { workerPool };
  const worker = { workerPool };
  return {
    create: () => events.emit('pool:create', { workerPool }),
    release: () => events.emit('pool:release', { workerPool }),
    fetched: (...ids: string[]) => events.emit('localQueue:getJobs:complete', { localQueue, jobs: ids.map((jobId) => ({ id: jobId })) }),
    returned: (...ids: string[]) => events.emit('localQueue:returnJobs', { localQueue, jobs: ids.map((jobId) => ({ id: jobId })) }),
    start: (jobId: string) => events.emit('job:start', { worker, job: { id: jobId } }),
    complete: (jobId: string) => events.emit('job:complete', { worker, job: { id: jobId }, error: null }),
  };
}

function track() {
  const events = new EventEmitter();
  let clock = 0;
  const held = trackHeldJobs(events as WorkerEvents, { graceMs: 60_000, now: () => clock });
  return { events, held, advance: (ms: number) => (clock += ms) };
}

describe("trackHeldJobs: what this process's pools hold, from graphile-worker's events", () => {
  it('holds jobs from a local-queue fetch and from a worker that fetched its own, until they finish and the grace period passes', () => {
    const { events, held, advance } = track();
    const a = pool('pool-a', events);
    a.create();
    a.fetched('1', '2', '3');
    a.start('4'); // a worker without a local queue fetches its own job
    a.start('1');
    expect(held.heldJobIds().sort()).toEqual(['1', '2', '3', '4']);

    a.complete('1');
    a.returned('3');
    advance(59_000);
    // Finished or handed back, but the outcome may still be on its way to the database.
    expect(held.heldJobIds().sort()).toEqual(['1', '2', '3', '4']);
    advance(2_000);
    expect(held.heldJobIds().sort()).toEqual(['2', '4']);
  });

  it('names running pools as live, and an ended pool until its leftovers are released', () => {
    const { events, held } = track();
    const a = pool('pool-a', events);
    const b = pool('pool-b', events);
    a.create();
    b.create();
    expect(held.livePoolIds().sort()).toEqual(['pool-a', 'pool-b']);
    expect(held.endedPoolIds()).toEqual([]);

    a.release();
    expect(held.livePoolIds()).toEqual(['pool-b']);
    expect(held.endedPoolIds()).toEqual(['pool-a']);
    held.forgetEndedPools(['pool-a']);
    expect(held.endedPoolIds()).toEqual([]);
  });

  it('a job started again after it was handed back is held again', () => {
    const { events, held, advance } = track();
    const a = pool('pool-a', events);
    a.create();
    a.fetched('7');
    a.returned('7');
    a.start('7');
    advance(120_000);
    expect(held.heldJobIds()).toEqual(['7']);
  });
});
