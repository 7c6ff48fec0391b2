import type { Transaction } from '@/db/client';
import { correctionAttachments } from '@/db/schema';
import { type Actor, recordEvent } from '@/lib/audit/record-event';
import type { StoredUpload } from '@/lib/verification/evidence-file';

/** A correction's proof documents, already stored encrypted (withStoredUploads), recorded with the request they came with. */
export async function recordCorrectionAttachments(
  tx: Transaction,
  { requestId, stored, actor, ip = null, now }: { requestId: string; stored: StoredUpload[]; actor: Actor; ip?: string | null; now: Date },
): Promise<void> {
  if (stored.length === 0) return;
  const rows = await tx
    .insert(correctionAttachments)
    .values(
      stored.map((file) => ({
        requestId,
        storageKey: file.storageKey,
        fileName: file.fileName,
        contentType: file.contentType,
        sizeBytes: file.sizeBytes,
        uploadedAt: now,
      })),
    )
    .returning({ id: correctionAttachments.id });
  await recordEvent(tx, {
    requestId,
    actor,
    action: 'correction_attachments_uploaded',
    details: { attachmentIds: rows.map((row) => row.id), count: rows.length },
    ip,
  });
}
