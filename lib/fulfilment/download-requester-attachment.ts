import { and, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { requestAttachments } from '@/db/schema';
import { recordEvent } from '@/lib/audit/record-event';
import { findRequestByStatusToken } from '@/lib/requests/find-request-by-status-token';
import { isUuid } from '@/lib/validation/is-uuid';
import { hasRequesterDownloads } from './has-requester-downloads';
import { openAttachmentFile } from './open-attachment-file';

export type DownloadRequesterAttachmentOptions = { token: string; fileId: string; ip: string | null; now?: Date };

export type AttachmentDownload = { fileName: string; contentType: string; sizeBytes: number; body: ReadableStream<Uint8Array> };

/**
 * A requester downloads one of the files sent with their answer. The status link
 * is the only credential: the file must belong to the request that link opens,
 * be unexpired, and have downloads left. Anything else is null ("not found"),
 * so a guessed file id reveals nothing. The count is taken with a conditional
 * UPDATE, so two parallel downloads cannot both take the last one; the count
 * and its audit event commit together.
 */
export async function downloadRequesterAttachment(
  db: Database,
  { token, fileId, ip, now = new Date() }: DownloadRequesterAttachmentOptions,
): Promise<AttachmentDownload | null> {
  if (!isUuid(fileId)) return null;
  const attachment = await db.transaction(async (tx) => {
    const request = await findRequestByStatusToken(tx, { token });
    if (!request || !hasRequesterDownloads(request)) return null;
    const [counted] = await tx
      .update(requestAttachments)
      .set({ downloadCount: sql`${requestAttachments.downloadCount} + 1` })
      .where(
        and(
          eq(requestAttachments.id, fileId),
          eq(requestAttachments.requestId, request.id),
          isNull(requestAttachments.deletedAt),
          gt(requestAttachments.expiresAt, now),
          lt(requestAttachments.downloadCount, requestAttachments.maxDownloads),
        ),
      )
      .returning();
    if (!counted) return null;
    await recordEvent(tx, {
      requestId: request.id,
      actor: { type: 'requester' },
      action: 'attachment_downloaded',
      details: { attachmentId: counted.id, downloadCount: counted.downloadCount },
      ip,
    });
    return counted;
  });
  if (!attachment) return null;
  return {
    fileName: attachment.fileName,
    contentType: attachment.contentType,
    sizeBytes: attachment.sizeBytes,
    body: await openAttachmentFile(attachment.storageKey),
  };
}
