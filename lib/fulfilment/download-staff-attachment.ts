import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { requestAttachments } from '@/db/schema';
import { recordEvent } from '@/lib/audit/record-event';
import { AppError } from '@/lib/errors/app-error';
import { assertCan, type StaffActor } from '@/lib/staff/staff-actor';
import type { AttachmentDownload } from './download-requester-attachment';
import { isUuid } from '@/lib/validation/is-uuid';
import { openAttachmentFile } from './open-attachment-file';

/**
 * Staff (auditors included) open a file sent to a requester, to check what was
 * disclosed. It does not use up the requester's downloads, but it is audited:
 * the files hold the requester's personal data.
 */
export async function downloadStaffAttachment(db: Database, { actor, id }: { actor: StaffActor; id: string }): Promise<AttachmentDownload> {
  assertCan(actor, 'requests.read');
  if (!isUuid(id)) throw new AppError('NOT_FOUND', 'No such file.');
  const [attachment] = await db
    .select()
    .from(requestAttachments)
    .where(and(eq(requestAttachments.id, id), isNull(requestAttachments.deletedAt)));
  if (!attachment) throw new AppError('NOT_FOUND', 'No such file.');
  await recordEvent(db, {
    requestId: attachment.requestId,
    actor: { type: 'staff', staffId: actor.staffId },
    action: 'attachment_downloaded',
    details: { attachmentId: attachment.id },
  });
  return {
    fileName: attachment.fileName,
    contentType: attachment.contentType,
    sizeBytes: attachment.sizeBytes,
    body: await openAttachmentFile(attachment.storageKey),
  };
}
