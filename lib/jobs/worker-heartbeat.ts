import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { eq, lt, sql } from 'drizzle-orm';
import type { Database, DatabaseOrTransaction } from '@/db/client';
import { jobWorkerHeartbeats } from '@/db/schema';

export type WorkerHeartbeatOptions = {
  /** The graphile-worker ids of this process's workers, read at every beat (workers are created as the pools start). */
  workerIds: () => string[];
  intervalMs?: number;
  /** A process whose row is older than this is taken for dead and its jobs are unlocked. */
  staleAfterMs?: number;
  log?: (line: string) => void;
};

export type WorkerHeartbeat = {
  /** Stops beating, unlocks whatever this process's workers still hold and removes its row. */
  stop(): Promise<void>;
};

/**
 * Keeps this worker process's heartbeat row fresh and frees the jobs of processes whose
 * row went stale (kill -9, a crashed host), so a live worker picks them up within about
 * `staleAfterMs + intervalMs` instead of graphile-worker's 4 hours. After a database
 * outage every process's row is old, so a process reaps only once it has itself been
 * beating for `staleAfterMs`: the others get as long to renew theirs.
 */
export function startWorkerHeartbeat(
  db: Database,
  { workerIds, intervalMs = 5_000, staleAfterMs = 30_000, log = console.log }: WorkerHeartbeatOptions,
): WorkerHeartbeat {
  const processId = randomUUID();
  let beatingSince: number | null = null;
  let current: Promise<void> = Promise.resolve();

  async function beat(): Promise<void> {
    try {
      await db
        .insert(jobWorkerHeartbeats)
        .values({ processId, workerIds: workerIds(), hostname: os.hostname(), pid: String(process.pid) })
        .onConflictDoUpdate({ target: jobWorkerHeartbeats.processId, set: { workerIds: workerIds(), beatAt: sql`now()` } });
      beatingSince ??= Date.now();
      if (Date.now() - beatingSince >= staleAfterMs) await reapStaleWorkers();
    } catch (error) {
      beatingSince = null;
      log(`[worker] heartbeat failed: ${error instanceof Error ? error.message : String(error)}`);
    }
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
    async stop() {
      clearInterval(timer);
      await current;
      const ids = workerIds();
      await db.transaction(async (tx) => {
        // A graceful stop has finished its jobs; anything still locked by this process (a job
        // whose completion was lost) is released now rather than after the stale period.
        await forceUnlockWorkers(tx, ids);
        await tx.delete(jobWorkerHeartbeats).where(eq(jobWorkerHeartbeats.processId, processId));
      });
    },
  };
}

async function forceUnlockWorkers(tx: DatabaseOrTransaction, workerIds: string[]): Promise<void> {
  if (workerIds.length === 0) return;
  const ids = sql.join(
    workerIds.map((id) => sql`${id}`),
    sql`, `,
  );
  await tx.execute(sql`select graphile_worker.force_unlock_workers(array[${ids}]::text[])`);
}
