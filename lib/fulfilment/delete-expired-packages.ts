import { and, asc, eq, inArray, isNotNull, isNull, lt } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { fulfilmentRuns } from '@/db/schema';
import { lockRequestsForEvents } from '@/lib/audit/lock-requests-for-events';
import { recordEvent } from '@/lib/audit/record-event';
import { getOrganisationSettings } from '@/lib/settings/get-organisation-settings';
import { isUuid } from '@/lib/validation/is-uuid';
import { getStorage } from '@/lib/storage/get-storage';
import { deleteStagedRun } from './staging/delete-staged-files';
import { deleteAttachmentFile } from './store-attachment-file';

const BATCH_SIZE = 100;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Gathered data nobody released is personal data with no purpose: once the
 * organisation's download period has passed since it was built, the package
 * file is removed (the run keeps its size and checksum), and so are staged
 * files of runs that ended (failed runs, crashes between build and cleanup).
 * Same pattern as deleteExpiredAttachments: rows marked in one transaction,
 * files removed after commit.
 */
export async function deleteExpiredPackages(db: Database, { now }: { now: Date }): Promise<{ packages: number; stagingFolders: number }> {
  const { downloadDays } = await getOrganisationSettings(db);
  const cutoff = new Date(now.getTime() - downloadDays * DAY_MS);
  let packages = 0;
  for (;;) {
    const batch = await db.transaction(async (tx) => {
      const expired = await tx
        .select({ id: fulfilmentRuns.id, requestId: fulfilmentRuns.requestId, storageKey: fulfilmentRuns.packageStorageKey })
        .from(fulfilmentRuns)
        .where(
          and(
            eq(fulfilmentRuns.status, 'succeeded'),
            isNotNull(fulfilmentRuns.packageStorageKey),
            isNull(fulfilmentRuns.packageDeletedAt),
            lt(fulfilmentRuns.finishedAt, cutoff),
          ),
        )
        .orderBy(asc(fulfilmentRuns.finishedAt))
        .limit(BATCH_SIZE)
        .for('update', { skipLocked: true });
      await lockRequestsForEvents(
        tx,
        expired.map((run) => run.requestId),
      );
      for (const run of expired) {
        await tx.update(fulfilmentRuns).set({ packageDeletedAt: now }).where(eq(fulfilmentRuns.id, run.id));
        await recordEvent(tx, {
          requestId: run.requestId,
          actor: { type: 'system' },
          action: 'data_package_deleted',
          details: { runId: run.id, reason: 'not released within the download period' },
        });
      }
      return expired;
    });
    for (const run of batch) if (run.storageKey) await deleteAttachmentFile(run.storageKey);
    packages += batch.length;
    if (batch.length < BATCH_SIZE) break;
  }
  return { packages, stagingFolders: await deleteLeftoverStaging(db, { cutoff }) };
}

/**
 * Staged runs (in storage, whichever worker staged them) whose run has ended (or is unknown)
 * and whose newest staged file is older than the cutoff; a running run's files are never touched.
 */
async function deleteLeftoverStaging(db: Database, { cutoff }: { cutoff: Date }): Promise<number> {
  const newestByRun = new Map<string, Date>();
  for await (const { key, lastModified } of getStorage().list('staging/')) {
    const runId = key.split('/')[1] ?? '';
    if (!isUuid(runId)) continue;
    const newest = newestByRun.get(runId);
    if (!newest || lastModified > newest) newestByRun.set(runId, lastModified);
  }
  const runIds = [...newestByRun.keys()];
  if (runIds.length === 0) return 0;
  const runs = await db
    .select({ id: fulfilmentRuns.id, status: fulfilmentRuns.status })
    .from(fulfilmentRuns)
    .where(inArray(fulfilmentRuns.id, runIds));
  const statusById = new Map(runs.map((run) => [run.id, run.status]));
  let deleted = 0;
  for (const runId of runIds) {
    if (statusById.get(runId) === 'running') continue;
    if (newestByRun.get(runId)! >= cutoff) continue;
    await deleteStagedRun(runId);
    deleted += 1;
  }
  return deleted;
}
