import { and, desc, eq } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '@/db/client';
import { fulfilmentRuns, requestAttachments } from '@/db/schema';
import { getOrganisationSettings } from '@/lib/settings/get-organisation-settings';

const DAY_MS = 24 * 60 * 60 * 1000;

export type CopyRelease = {
  releasedAt: Date;
  /** When the erasure may go ahead even if the copy was never downloaded: release + the organisation's copy wait. */
  erasureFrom: Date;
  isDownloaded: boolean;
  /** Nothing could be gathered (no access source): the copy is only the files staff uploaded (isCopyFromUploadsOnly). */
  isFromUploadsOnly: boolean;
  /** What lets the erasure go ahead now (downloaded wins), or null while it still waits. */
  unblockedBy: 'downloaded' | 'days_passed' | null;
};

/**
 * The copy of a "copy first" deletion as released to the requester, or null before it is. The wait is
 * counted from the release, with the organisation's setting read now (an admin shortening it lets
 * waiting erasures go sooner); a download, even a partial one, is counted when the file is served.
 */
export async function findCopyRelease(
  db: DatabaseOrTransaction,
  { requestId, now = new Date() }: { requestId: string; now?: Date },
): Promise<CopyRelease | null> {
  const [released] = await db
    .select({
      releasedAt: fulfilmentRuns.releasedAt,
      downloadCount: requestAttachments.downloadCount,
      packageStorageKey: fulfilmentRuns.packageStorageKey,
    })
    .from(fulfilmentRuns)
    .innerJoin(requestAttachments, eq(requestAttachments.id, fulfilmentRuns.attachmentId))
    .where(and(eq(fulfilmentRuns.requestId, requestId), eq(fulfilmentRuns.kind, 'gather'), eq(fulfilmentRuns.status, 'released')))
    .orderBy(desc(fulfilmentRuns.releasedAt))
    .limit(1);
  if (!released?.releasedAt) return null;
  const { copyWaitDays } = await getOrganisationSettings(db);
  const erasureFrom = new Date(released.releasedAt.getTime() + copyWaitDays * DAY_MS);
  const isDownloaded = released.downloadCount > 0;
  return {
    releasedAt: released.releasedAt,
    erasureFrom,
    isDownloaded,
    isFromUploadsOnly: released.packageStorageKey === null,
    unblockedBy: isDownloaded ? 'downloaded' : now >= erasureFrom ? 'days_passed' : null,
  };
}
