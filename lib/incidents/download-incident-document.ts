import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { incidentDocuments } from '@/db/schema';
import { recordEvent } from '@/lib/audit/record-event';
import { AppError } from '@/lib/errors/app-error';
import type { AttachmentDownload } from '@/lib/fulfilment/download-requester-attachment';
import { openAttachmentFile } from '@/lib/fulfilment/open-attachment-file';
import { assertCan, type StaffActor } from '@/lib/staff/staff-actor';
import { isUuid } from '@/lib/validation/is-uuid';

/** Staff who read incidents (auditors included) open a document kept with one, e.g. the copy sent to the regulator; audited. */
export async function downloadIncidentDocument(
  db: Database,
  { actor, id }: { actor: StaffActor; id: string },
): Promise<AttachmentDownload> {
  assertCan(actor, 'incidents.read');
  if (!isUuid(id)) throw new AppError('NOT_FOUND', 'No such document.');
  const [document] = await db.select().from(incidentDocuments).where(eq(incidentDocuments.id, id));
  if (!document) throw new AppError('NOT_FOUND', 'No such document.');
  await recordEvent(db, {
    requestId: null,
    actor: { type: 'staff', staffId: actor.staffId },
    action: 'incident_document_downloaded',
    details: { incidentId: document.incidentId, documentId: document.id },
  });
  return {
    fileName: document.fileName,
    contentType: document.contentType,
    sizeBytes: document.sizeBytes,
    body: await openAttachmentFile(document.storageKey),
  };
}
