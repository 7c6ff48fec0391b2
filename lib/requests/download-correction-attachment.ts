import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { correctionAttachments, requests } from '@/db/schema';
import { recordEvent } from '@/lib/audit/record-event';
import { AppError } from '@/lib/errors/app-error';
import { assertCan, type StaffActor } from '@/lib/staff/staff-actor';
import { readEvidenceFile } from '@/lib/verification/evidence-file';
import { canOpenRequestDocuments } from './can-open-request-documents';

/**
 * A document sent with a correction, decrypted, for those who work the request: its assignee and admins, as with
 * identity documents; everyone else gets "not found". Every view is audited.
 */
export async function downloadCorrectionAttachment(
  db: Database,
  { actor, attachmentId }: { actor: StaffActor; attachmentId: string },
): Promise<{ fileName: string; contentType: string; bytes: Buffer }> {
  assertCan(actor, 'requests.work');
  const [row] = await db
    .select({ attachment: correctionAttachments, assigneeId: requests.assigneeId })
    .from(correctionAttachments)
    .innerJoin(requests, eq(requests.id, correctionAttachments.requestId))
    .where(and(eq(correctionAttachments.id, attachmentId), isNull(correctionAttachments.deletedAt)));
  if (!row || !canOpenRequestDocuments(actor, row)) throw new AppError('NOT_FOUND', 'No such document.');
  const bytes = await readEvidenceFile(row.attachment.storageKey);
  await recordEvent(db, {
    requestId: row.attachment.requestId,
    actor: { type: 'staff', staffId: actor.staffId },
    action: 'correction_attachment_viewed',
    details: { attachmentId },
  });
  return { fileName: row.attachment.fileName, contentType: row.attachment.contentType, bytes };
}
