import { and, asc, eq, isNull } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '@/db/client';
import { correctionAttachments } from '@/db/schema';

/** The proof documents a correction came with, oldest first; deleted ones (minimised) are left out. */
export function listCorrectionAttachments(db: DatabaseOrTransaction, { requestId }: { requestId: string }) {
  return db
    .select({
      id: correctionAttachments.id,
      fileName: correctionAttachments.fileName,
      contentType: correctionAttachments.contentType,
      sizeBytes: correctionAttachments.sizeBytes,
      uploadedAt: correctionAttachments.uploadedAt,
    })
    .from(correctionAttachments)
    .where(and(eq(correctionAttachments.requestId, requestId), isNull(correctionAttachments.deletedAt)))
    .orderBy(asc(correctionAttachments.uploadedAt), asc(correctionAttachments.id));
}
