import { and, desc, eq } from 'drizzle-orm';
import type { Database, DatabaseOrTransaction } from '@/db/client';
import { dataSources, fulfilmentRuns, fulfilmentSourceResults } from '@/db/schema';
import { recordEvent } from '@/lib/audit/record-event';
import { AppError } from '@/lib/errors/app-error';
import { changeRequest } from '@/lib/requests/change-request';
import { assertCan, type StaffActor } from '@/lib/staff/staff-actor';
import { isReplayable, lastBackupExpiry } from './backup-expiry';
import { startFulfilmentRun } from './start-fulfilment-run';

export type ErasureReplay = {
  /** The erasure to replay: the request's first successful one (the one that closed it). */
  runId: string;
  erasedAt: Date;
  /** Until when a restored backup may bring the data back (the backup sources' longest retention). */
  until: Date;
  /** The sources a replay erases again: the databases the erasure covered. */
  sources: string[];
  /** Replays already started, newest first. */
  replays: { runId: string; startedAt: Date; status: string }[];
};

/**
 * The erasure a restored backup would undo, while a backup may still hold the data: shown on the
 * request page with its one-click replay. Null when the request was never erased, its erasure
 * covered no backup source, or the last backup holding the data has expired.
 */
export async function findErasureReplay(
  db: DatabaseOrTransaction,
  { requestId, now = new Date() }: { requestId: string; now?: Date },
): Promise<ErasureReplay | null> {
  const runs = await db
    .select()
    .from(fulfilmentRuns)
    .where(and(eq(fulfilmentRuns.requestId, requestId), eq(fulfilmentRuns.kind, 'erase')))
    .orderBy(desc(fulfilmentRuns.createdAt));
  // The erasure that closed the request: the first to succeed (replays come after it and cover only databases).
  const erasure = runs.findLast((run) => run.status === 'succeeded' && run.finishedAt);
  if (!erasure?.finishedAt) return null;
  const results = await db
    .select({ sourceId: fulfilmentSourceResults.sourceId, name: fulfilmentSourceResults.sourceName, config: dataSources.config })
    .from(fulfilmentSourceResults)
    .innerJoin(dataSources, eq(dataSources.id, fulfilmentSourceResults.sourceId))
    .where(eq(fulfilmentSourceResults.runId, erasure.id));
  const until = lastBackupExpiry(
    results.map((result) => result.config),
    erasure.finishedAt,
  );
  if (!until || until <= now) return null;
  const replayable = results.filter((result) => isReplayable(result.config.kind));
  return {
    runId: erasure.id,
    erasedAt: erasure.finishedAt,
    until,
    sources: replayable.map((result) => result.name),
    replays: runs
      .filter((run) => run.createdAt > erasure.createdAt)
      .map((run) => ({ runId: run.id, startedAt: run.createdAt, status: run.status })),
  };
}

export type ReplayErasureOptions = { actor: StaffActor; reference: string; version: number; now?: Date };

/**
 * After a backup was restored, erases the person again from the databases the erasure covered,
 * with the same dry-run plan and proof as the first time (a restore that brought back exactly the
 * erased rows matches the plan; anything else stops with the difference). Audited as
 * `erasure_replayed`; the request stays as it is (it was fulfilled by the first erasure).
 */
export async function replayErasure(
  db: Database,
  { actor, reference, version, now = new Date() }: ReplayErasureOptions,
): Promise<{ runId: string }> {
  assertCan(actor, 'requests.work');
  return changeRequest(db, { actor, permission: 'requests.work', reference, expectedVersion: version }, async (tx, request) => {
    const replay = await findErasureReplay(tx, { requestId: request.id, now });
    if (!replay)
      throw new AppError(
        'INVALID_TRANSITION',
        'There is no erasure to replay: none finished, or every backup holding the data has expired.',
      );
    const sourceIds = (
      await tx
        .select({ sourceId: fulfilmentSourceResults.sourceId, kind: fulfilmentSourceResults.sourceKind })
        .from(fulfilmentSourceResults)
        .where(eq(fulfilmentSourceResults.runId, replay.runId))
    )
      .filter((result) => isReplayable(result.kind))
      .map((result) => result.sourceId);
    if (sourceIds.length === 0) throw new AppError('INVALID_TRANSITION', 'The erasure covered no database that dsr-desk erases itself.');
    const started = await startFulfilmentRun(tx, { request, kind: 'erase', staffId: actor.staffId, now, replayOf: { sourceIds } });
    await recordEvent(tx, {
      requestId: request.id,
      actor: { type: 'staff', staffId: actor.staffId },
      action: 'erasure_replayed',
      details: { runId: started.runId, replayOf: replay.runId, sources: replay.sources, backupsExpireAt: replay.until.toISOString() },
    });
    return started;
  });
}
