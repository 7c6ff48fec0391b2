import { EventEmitter } from 'node:events';
import { sql } from 'drizzle-orm';
import { Logger, run, type WorkerEvents } from 'graphile-worker';
import { afterEach, describe, expect, it } from 'vitest';
import { env } from '@/lib/env';
import { eventually, sleep } from '@/test/support/eventually';
import { useTestDatabase } from '@/test/support/test-database';
import { trackHeldJobs } from './held-jobs';
import { startWorkerHeartbeat, unlockOrphanedJobs } from './worker-heartbeat';

const db = useTestDatabase();

/** Queues a job of a task no worker in this file knows and locks it as `poolId` did `secondsAgo`, as get_jobs does. */
async function lockedJob(task: string, poolId: string, secondsAgo: number): Promise<string> {
  return db.transaction(async (tx) => {
    const [job] = await tx.execute<{ id: string }>(sql`select id::text from graphile_worker.add_job(${task}, '{}'::json)`);
    await tx.execute(sql`update graphile_worker._private_jobs
      set locked_by = ${poolId}, locked_at = now() - make_interval(secs => ${secondsAgo}), attempts = attempts + 1
      where id = ${job!.id}::bigint`);
    return job!.id;
  });
}

async function lockOf(id: string) {
  const [row] = await db.execute<{ locked_by: string | null; attempts: number }>(
    sql`select locked_by, attempts from graphile_worker._private_jobs where id = ${id}::bigint`,
  );
  return row;
}

describe('unlockOrphanedJobs: jobs locked by a live pool that none of its pools holds', () => {
  it('unlocks old locks of these pools that are not held and gives their attempt back; leaves held, fresh and other pools’ locks', async () => {
    const orphan = await lockedJob('orphan-test', 'pool-live', 120);
    const heldJob = await lockedJob('orphan-test', 'pool-live', 120);
    const fresh = await lockedJob('orphan-test', 'pool-live', 0);
    const otherPool = await lockedJob('orphan-test', 'pool-elsewhere', 120);

    const unlocked = await unlockOrphanedJobs(db, { poolIds: ['pool-live'], heldJobIds: [heldJob], lockedBeforeMs: 60_000 });

    expect(unlocked).toEqual([orphan]);
    expect(await lockOf(orphan)).toEqual({ locked_by: null, attempts: 0 });
    expect(await lockOf(heldJob)).toEqual({ locked_by: 'pool-live', attempts: 1 });
    expect(await lockOf(fresh)).toEqual({ locked_by: 'pool-live', attempts: 1 });
    expect(await lockOf(otherPool)).toEqual({ locked_by: 'pool-elsewhere', attempts: 1 });
  });

  it('with nothing held, every old lock of these pools is an orphan', async () => {
    const a = await lockedJob('orphan-test-2', 'pool-idle', 300);
    const b = await lockedJob('orphan-test-2', 'pool-idle', 300);
    expect((await unlockOrphanedJobs(db, { poolIds: ['pool-idle'], heldJobIds: [], lockedBeforeMs: 60_000 })).sort()).toEqual(
      [a, b].sort(),
    );
  });
});

describe('the heartbeat of a live worker', () => {
  const stops: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const stop of stops.splice(0).reverse()) await stop();
  });

  it('runs a job its own pool locked but never received (a fetch whose answer the connection lost)', async () => {
    const events: WorkerEvents = new EventEmitter();
    const held = trackHeldJobs(events);
    const ran: unknown[] = [];
    const runner = await run({
      connectionString: env().DATABASE_URL,
      concurrency: 1,
      pollInterval: 200,
      noHandleSignals: true,
      events,
      logger: new Logger(() => () => {}),
      taskList: { 'lost-fetch-test': async (payload) => void ran.push(payload) },
    });
    stops.push(() => runner.stop());
    const [poolId] = held.livePoolIds();
    expect(poolId).toMatch(/^pool-/);
    const lines: string[] = [];
    const heartbeat = startWorkerHeartbeat(db, { held, intervalMs: 200, orphanAfterMs: 1_000, log: (line) => lines.push(line) });
    stops.push(() => heartbeat.stop());

    // As get_jobs leaves it when its answer never arrives: locked by the live pool, in no local queue.
    const id = await db.transaction(async (tx) => {
      const [job] = await tx.execute<{ id: string }>(
        sql`select id::text from graphile_worker.add_job('lost-fetch-test', '{"n": 1}'::json)`,
      );
      await tx.execute(sql`update graphile_worker._private_jobs set locked_by = ${poolId!}, locked_at = now(), attempts = 1
        where id = ${job!.id}::bigint`);
      return job!.id;
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(ran).toEqual([]); // still within orphanAfterMs: a fetch may be under way

    await eventually('the orphaned job to run', async () => ran.length > 0, { timeoutMs: 10_000 });
    expect(ran).toEqual([{ n: 1 }]);
    expect(lines.join('\n')).toContain(`unlocked: ${id}`);
    await eventually('the job to be marked done', async () => (await lockOf(id)) === undefined, { timeoutMs: 5_000 });
  });

  it('releases at stop whatever its pools still have locked, and its row is gone', async () => {
    const events: WorkerEvents = new EventEmitter();
    const held = trackHeldJobs(events);
    (events as EventEmitter).emit('pool:create', { workerPool: { id: 'pool-stopping' } });
    const heartbeat = startWorkerHeartbeat(db, { held, intervalMs: 200 });
    const job = await lockedJob('orphan-test-3', 'pool-stopping', 0);
    await heartbeat.stop();
    expect(await lockOf(job)).toEqual({ locked_by: null, attempts: 1 });
    const rows = await db.execute(sql`select 1 from job_worker_heartbeats where 'pool-stopping' = any(worker_ids)`);
    expect(rows.length).toBe(0);
  });

  it('unlocks what a pool of its own that has ended still has locked, then drops that pool from its row', async () => {
    const events: WorkerEvents = new EventEmitter();
    const held = trackHeldJobs(events);
    (events as EventEmitter).emit('pool:create', { workerPool: { id: 'pool-ending' } });
    const heartbeat = startWorkerHeartbeat(db, { held, intervalMs: 100, log: () => {} });
    stops.push(() => heartbeat.stop());
    const job = await lockedJob('orphan-test-4', 'pool-ending', 0); // fresh: a live pool's orphan would wait 60 s
    await sleep(300);
    expect(await lockOf(job)).toEqual({ locked_by: 'pool-ending', attempts: 1 });

    (events as EventEmitter).emit('pool:release', { workerPool: { id: 'pool-ending' } });
    await eventually('the ended pool’s job to be unlocked', async () => (await lockOf(job))?.locked_by === null);
    expect(held.endedPoolIds()).toEqual([]);
    await eventually('the row to forget the pool', async () => {
      const rows = await db.execute(sql`select 1 from job_worker_heartbeats where 'pool-ending' = any(worker_ids)`);
      return rows.length === 0;
    });
  });

  it('abandoned, stops beating and leaves its jobs locked until a live heartbeat finds its row stale and frees them', async () => {
    const abandonedEvents: WorkerEvents = new EventEmitter();
    const abandonedHeld = trackHeldJobs(abandonedEvents);
    (abandonedEvents as EventEmitter).emit('pool:create', { workerPool: { id: 'pool-abandoned' } });
    const abandoned = startWorkerHeartbeat(db, { held: abandonedHeld, intervalMs: 100, staleAfterMs: 1_000, log: () => {} });
    const job = await lockedJob('orphan-test-5', 'pool-abandoned', 0);
    await sleep(200);
    abandoned.abandon();
    await sleep(300);
    expect(await lockOf(job)).toEqual({ locked_by: 'pool-abandoned', attempts: 1 });

    const lines: string[] = [];
    const live = startWorkerHeartbeat(db, {
      held: trackHeldJobs(new EventEmitter() as WorkerEvents),
      intervalMs: 100,
      staleAfterMs: 1_000,
      log: (line) => lines.push(line),
    });
    stops.push(() => live.stop());
    await eventually('the abandoned process’s job to be unlocked', async () => (await lockOf(job))?.locked_by === null, {
      timeoutMs: 10_000,
    });
    expect(lines.join('\n')).toContain('stopped beating');
    const rows = await db.execute(sql`select 1 from job_worker_heartbeats where 'pool-abandoned' = any(worker_ids)`);
    expect(rows.length).toBe(0);
  });
});
