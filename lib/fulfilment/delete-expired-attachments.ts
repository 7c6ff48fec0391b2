import { and, asc, eq, isNull, lt } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { fulfilmentRuns, requestAttachments } from '@/db/schema';
import { lockRequestsForEvents } from '@/lib/audit/lock-requests-for-events';
import { recordEvent } from '@/lib/audit/record-event';
import { deleteAttachmentFile } from './store-attachment-file';

const BATCH_SIZE = 100;

/**
 * Files handed to a requester are personal data: once their download link has
 * expired nobody may fetch them, so the bytes are removed from storage and the
 * row keeps only what accountability needs (name, size, sha256, dates).
 * The row is marked in one transaction and the file removed after commit: a
 * crash in between leaves an orphan file in storage (reported by nothing yet),
 * never a downloadable row whose file is gone.
 */
export async function deleteExpiredAttachments(db: Database, { now }: { now: Date }): Promise<number> {
  let deleted = 0;
  for (;;) {
    const batch = await db.transaction(async (tx) => {
      const expired = await tx
        .select({ id: requestAttachments.id, requestId: requestAttachments.requestId, storageKey: requestAttachments.storageKey })
        .from(requestAttachments)
        .where(and(isNull(requestAttachments.deletedAt), lt(requestAttachments.expiresAt, now)))
        .orderBy(asc(requestAttachments.expiresAt))
        .limit(BATCH_SIZE)
        // Two workers running the job at once take different rows.
        .for('update', { skipLocked: true });
      await lockRequestsForEvents(
        tx,
        expired.map((attachment) => attachment.requestId),
      );
      for (const attachment of expired) {
        await tx.update(requestAttachments).set({ deletedAt: now }).where(eq(requestAttachments.id, attachment.id));
        // A released data package shares its file with the download: the run says it is gone too.
        await tx.update(fulfilmentRuns).set({ packageDeletedAt: now }).where(eq(fulfilmentRuns.packageStorageKey, attachment.storageKey));
        await recordEvent(tx, {
          requestId: attachment.requestId,
          actor: { type: 'system' },
          action: 'attachment_deleted',
          details: { attachmentId: attachment.id, reason: 'download link expired' },
        });
      }
      return expired;
    });
    for (const attachment of batch) await deleteAttachmentFile(attachment.storageKey);
    deleted += batch.length;
    if (batch.length < BATCH_SIZE) return deleted;
  }
}
