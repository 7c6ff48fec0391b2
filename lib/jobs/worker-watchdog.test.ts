import { EventEmitter } from 'node:events';
import type { WorkerEvents } from 'graphile-worker';
import { describe, expect, it } from 'vitest';
import { startWorkerWatchdog } from './worker-watchdog';

/** graphile-worker's events as the watchdog reads them: only the fields it uses. */
function poolEvents() {
  const events = new EventEmitter() as WorkerEvents;
  const workerPool = { id: 'pool-a' };
  const worker = { workerPool };
  const emit = (name: string, payload: object) => (events as unknown as EventEmitter).emit(name, payload);
  return {
    events,
    create: () => emit('pool:create', { workerPool }),
    release: () => emit('pool:release', { workerPool }),
    fetched: () =>
      emit('localQueue:getJobs:complete', {
        localQueue: { workerPool },
        jobs: [],
      }),
    empty: () => emit('worker:getJob:empty', { worker }),
    start: () => emit('job:start', { worker, job: {} }),
    complete: () => emit('job:complete', { worker, job: {}, error: null }),
    fatal: () =>
      emit('pool:fatalError', {
        workerPool,
        error: new Error('connection terminated'),
        action: 'completeJob',
      }),
  };
}

function watch() {
  const pool = poolEvents();
  let clock = 0;
  const failures: string[] = [];
  const watchdog = startWorkerWatchdog(pool.events, {
    stallAfterMs: 60_000,
    onFailure: (reason) => failures.push(reason),
    now: () => clock,
  });
  const advance = (ms: number) => {
    clock += ms;
    watchdog.check();
  };
  return { pool, failures, advance, watchdog };
}

describe('worker watchdog', () => {
  it('leaves alone an idle pool that keeps polling', () => {
    const { pool, failures, advance, watchdog } = watch();
    pool.create();
    for (let second = 0; second < 300; second += 2) {
      pool.fetched();
      pool.empty();
      advance(2_000);
    }
    expect(failures).toEqual([]);
    watchdog.stop();
  });

  it('leaves alone a pool whose jobs run longer than the stall period', () => {
    const { pool, failures, advance, watchdog } = watch();
    pool.create();
    pool.start();
    advance(10 * 60_000);
    expect(failures).toEqual([]);
    pool.complete();
    advance(30_000);
    expect(failures).toEqual([]);
    watchdog.stop();
  });

  it('reports once a pool that has neither fetched nor run anything for the stall period', () => {
    const { pool, failures, advance, watchdog } = watch();
    pool.create();
    pool.fetched();
    advance(59_000);
    expect(failures).toEqual([]);
    advance(2_000);
    advance(60_000);
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatch(/pool-a has neither fetched nor run a job for 61 s/);
    watchdog.stop();
  });

  it('reports a fatal error at once, and only the first of several', () => {
    const { pool, failures, watchdog } = watch();
    pool.create();
    pool.fatal();
    pool.fatal();
    expect(failures).toEqual(['a worker pool could not record finished jobs: Error: connection terminated']);
    watchdog.stop();
  });

  it('forgets a released pool', () => {
    const { pool, failures, advance, watchdog } = watch();
    pool.create();
    pool.release();
    advance(120_000);
    expect(failures).toEqual([]);
    watchdog.stop();
  });
});
