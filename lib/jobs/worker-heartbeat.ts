import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { eq, lt, sql } from 'drizzle-orm';
import { arrayParameter } from '@/db/array-parameter';
import type { Database, DatabaseOrTransaction } from '@/db/client';
import { jobWorkerHeartbeats } from '@/db/schema';
import type { HeldJobs } from './held-jobs';

export type WorkerHeartbeatOptions = {
  /** What this process's pools are and hold, read at every beat (lib/jobs/held-jobs.ts). */
  held: HeldJobs;
  intervalMs?: number;
  /** A process whose row is older than this is taken for dead and its jobs are unlocked. */
  staleAfterMs?: number;
  /** A job locked by one of this process's live pools this long ago that none of them holds is unlocked. */
  orphanAfterMs?: number;
  log?: (line: string) => void;
};

export type WorkerHeartbeat = {
  /** Stops beating, unlocks whatever this process's pools still hold and removes its row. */
  stop(): Promise<void>;
  /**
   * Stops beating and leaves everything as it is: for a worker whose stop did not finish (its connections
   * hang). Its row goes stale, and a live process's reaper then unlocks its jobs.
   */
  abandon(): void;
};

/**
 * Keeps this worker process's heartbeat row fresh and frees jobs no live pool works on, so a
 * worker picks them up within seconds instead of graphile-worker's 4 hours:
 * - the jobs of processes whose row went stale (kill -9, a crashed host), within about
 *   `staleAfterMs + intervalMs`. After a database outage every process's row is old, so a
 *   process reaps only once it has itself been beating for `staleAfterMs`: the others get as
 *   long to renew theirs;
 * - this process's own orphans: jobs still locked by its pools that ended, and jobs locked by
 *   its live pools more than `orphanAfterMs` ago that none of them holds (lib/jobs/held-jobs.ts).
 */
export function startWorkerHeartbeat(
  db: Database,
  { held, intervalMs = 5_000, staleAfterMs = 30_000, orphanAfterMs = 60_000, log = console.log }: WorkerHeartbeatOptions,
): WorkerHeartbeat {
  const processId = randomUUID();
  let beatingSince: number | null = null;
  let current: Promise<void> = Promise.resolve();
  const poolIds = () => [...held.livePoolIds(), ...held.endedPoolIds()];

  async function beat(): Promise<void> {
    try {
      const workerIds = poolIds();
      await db
        .insert(jobWorkerHeartbeats)
        .values({ processId, workerIds, hostname: os.hostname(), pid: String(process.pid) })
        .onConflictDoUpdate({ target: jobWorkerHeartbeats.processId, set: { workerIds, beatAt: sql`now()` } });
      beatingSince ??= Date.now();
      await releaseOwnOrphans();
      if (Date.now() - beatingSince >= staleAfterMs) await reapStaleWorkers();
    } catch (error) {
      beatingSince = null;
      log(`[worker] heartbeat failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  async function releaseOwnOrphans(): Promise<void> {
    const ended = held.endedPoolIds();
    if (ended.length > 0) {
      await forceUnlockWorkers(db, ended);
      held.forgetEndedPools(ended);
    }
    const live = held.livePoolIds();
    if (live.length === 0) return;
    const orphans = await unlockOrphanedJobs(db, { poolIds: live, heldJobIds: held.heldJobIds(), lockedBeforeMs: orphanAfterMs });
    if (orphans.length > 0)
      log(`[worker] ${orphans.length} job(s) locked by this process but held by none of its pools are unlocked: ${orphans.join(', ')}`);
  }

  async function reapStaleWorkers(): Promise<void> {
    await db.transaction(async (tx) => {
      // The row lock (delete … returning) lets one live process reap a dead one, once.
      const dead = await tx
        .delete(jobWorkerHeartbeats)
        .where(lt(jobWorkerHeartbeats.beatAt, sql`now() - make_interval(secs => ${staleAfterMs / 1000})`))
        .returning();
      const ids = dead.flatMap((row) => row.workerIds);
      if (ids.length === 0) return;
      await forceUnlockWorkers(tx, ids);
      for (const row of dead)
        log(`[worker] process ${row.pid} on ${row.hostname} stopped beating: its jobs are unlocked for the live workers`);
    });
  }

  const timer = setInterval(() => {
    current = current.then(beat);
  }, intervalMs);
  current = beat();

  return {
    abandon: () => clearInterval(timer),
    async stop() {
      clearInterval(timer);
      await current;
      const ids = poolIds();
      await db.transaction(async (tx) => {
        // A graceful stop has finished its jobs; anything still locked by this process (a job
        // whose completion was lost) is released now rather than after the stale period.
        await forceUnlockWorkers(tx, ids);
        await tx.delete(jobWorkerHeartbeats).where(eq(jobWorkerHeartbeats.processId, processId));
      });
    },
  };
}

/**
 * Unlocks the jobs (and their named queues) locked by these pools at least `lockedBeforeMs` ago that are not
 * among `heldJobIds`, as graphile-worker hands back a job it fetched and never ran: its attempt is given back.
 * A fetch under way locks with a fresh `locked_at`, so it is never taken for an orphan.
 */
export async function unlockOrphanedJobs(
  db: DatabaseOrTransaction,
  { poolIds, heldJobIds, lockedBeforeMs }: { poolIds: string[]; heldJobIds: string[]; lockedBeforeMs: number },
): Promise<string[]> {
  const rows = await db.execute<{ id: string }>(sql`
    with orphans as (
      update graphile_worker._private_jobs as jobs
      set attempts = greatest(0, attempts - 1), locked_by = null, locked_at = null
      where locked_by = any(${arrayParameter(poolIds, 'text[]')})
        and locked_at < now() - make_interval(secs => ${lockedBeforeMs / 1000})
        and not (id = any(${arrayParameter(heldJobIds, 'bigint[]')}))
      returning jobs.id, jobs.job_queue_id
    ),
    queues as (
      update graphile_worker._private_job_queues as job_queues
      set locked_by = null, locked_at = null
      from orphans
      where job_queues.id = orphans.job_queue_id and job_queues.locked_by = any(${arrayParameter(poolIds, 'text[]')})
    )
    select id::text from orphans order by id`);
  return rows.map((row) => row.id);
}

async function forceUnlockWorkers(tx: DatabaseOrTransaction, workerIds: string[]): Promise<void> {
  if (workerIds.length === 0) return;
  await tx.execute(sql`select graphile_worker.force_unlock_workers(${arrayParameter(workerIds, 'text[]')})`);
}
