import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { identityEvidence, requests } from '@/db/schema';
import { recordEvent } from '@/lib/audit/record-event';
import { AppError } from '@/lib/errors/app-error';
import { assertCan, type StaffActor } from '@/lib/staff/staff-actor';
import { canOpenRequestDocuments } from '@/lib/requests/can-open-request-documents';
import { readEvidenceFile } from './evidence-file';

/**
 * An identity document or an agent's signed permission, decrypted, for the request's assigned agent or an admin only (not other agents,
 * not auditors): everyone else gets "not found". Every view is audited.
 */
export async function downloadEvidence(
  db: Database,
  { actor, evidenceId }: { actor: StaffActor; evidenceId: string },
): Promise<{ fileName: string; contentType: string; bytes: Buffer }> {
  assertCan(actor, 'requests.work');
  const [row] = await db
    .select({ evidence: identityEvidence, assigneeId: requests.assigneeId })
    .from(identityEvidence)
    .innerJoin(requests, eq(requests.id, identityEvidence.requestId))
    .where(and(eq(identityEvidence.id, evidenceId), isNull(identityEvidence.deletedAt)));
  if (!row || !canOpenRequestDocuments(actor, row)) throw new AppError('NOT_FOUND', 'No such document.');
  const bytes = await readEvidenceFile(row.evidence.storageKey);
  await recordEvent(db, {
    requestId: row.evidence.requestId,
    actor: { type: 'staff', staffId: actor.staffId },
    action: 'identity_evidence_viewed',
    details: { evidenceId, kind: row.evidence.kind },
  });
  return { fileName: row.evidence.fileName, contentType: row.evidence.contentType, bytes };
}
