import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { identityEvidence, requests } from '@/db/schema';
import { recordEvent } from '@/lib/audit/record-event';
import { AppError } from '@/lib/errors/app-error';
import { findRequestByStatusToken } from '@/lib/requests/find-request-by-status-token';
import { isActive } from '@/lib/requests/request-status';
import { deleteEvidenceFile, storeUpload } from './evidence-file';

export type UploadEvidenceOptions = { token: string; file: File; ip: string | null; now?: Date };

/** At most this many documents per request: enough for a passport and a bill, not a file store. */
const MAX_FILES_PER_REQUEST = 5;

/**
 * The requester uploads the identity document an agent asked for. It is stored encrypted before the row
 * is written; if the transaction then fails the file is removed again.
 */
export async function uploadEvidence(db: Database, { token, file, ip, now = new Date() }: UploadEvidenceOptions): Promise<void> {
  const stored = await storeUpload(file, { field: 'document' });
  try {
    await db.transaction(async (tx) => {
      const request = await findRequestByStatusToken(tx, { token, lock: true });
      if (!request) throw new AppError('NOT_FOUND', 'We could not find this request.');
      if (!request.evidenceRequestedAt || !isActive(request.status) || request.verificationReached === 'staff_check')
        throw new AppError('INVALID_TRANSITION', 'We have not asked you for a document.');
      const [{ count } = { count: 0 }] = await tx
        .select({ count: sql<number>`count(*)::int` })
        .from(identityEvidence)
        .where(and(eq(identityEvidence.requestId, request.id), eq(identityEvidence.kind, 'identity_document')));
      if (count >= MAX_FILES_PER_REQUEST) throw new AppError('VALIDATION', 'You have already sent us 5 files.', { field: 'document' });
      const [row] = await tx
        .insert(identityEvidence)
        .values({
          requestId: request.id,
          storageKey: stored.storageKey,
          fileName: stored.fileName,
          contentType: stored.contentType,
          sizeBytes: stored.sizeBytes,
          uploadedAt: now,
        })
        .returning({ id: identityEvidence.id });
      await tx
        .update(requests)
        .set({ version: sql`${requests.version} + 1`, updatedAt: now })
        .where(eq(requests.id, request.id));
      await recordEvent(tx, {
        requestId: request.id,
        actor: { type: 'requester' },
        action: 'identity_evidence_uploaded',
        details: { evidenceId: row!.id, sizeBytes: stored.sizeBytes, contentType: file.type },
        ip,
        isVisibleToRequester: true,
      });
    });
  } catch (error) {
    await deleteEvidenceFile(stored.storageKey);
    throw error;
  }
}
