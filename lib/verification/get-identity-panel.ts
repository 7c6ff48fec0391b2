import { canOpenRequestDocuments } from '@/lib/requests/can-open-request-documents';
import { asc, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { identityEvidence, type RequestRow, staffMembers } from '@/db/schema';
import type { ActionCheck } from '@/lib/requests/action-check';
import { refused } from '@/lib/requests/action-check';
import { actorCan, assertCan, type StaffActor } from '@/lib/staff/staff-actor';
import type { EvidenceKind } from '@/lib/validation/evidence-file';
import type { TVerificationRequirement, VerificationLevel } from '@/lib/validation/verification-levels';
import { checkRequestEvidence, checkStaffIdentityCheck, checkVerificationOverride } from './check-identity-actions';
import { DEFAULT_REQUIREMENT, hasReachedRequiredLevel } from './verification-requirement';
import { listOfferedDataPoints } from './verification-sources';

export type IdentityPanel = {
  required: TVerificationRequirement;
  reached: VerificationLevel | null;
  dataPointsMatched: number;
  meetsRequirement: boolean;
  failedTries: number;
  lockedAt: Date | null;
  failureReason: string | null;
  /** No enabled source can check data points: the requester cannot be asked, a person must check. */
  noSourceCanCheck: boolean;
  declaration: { name: string; signedAt: Date; text: string } | null;
  staffCheck: { method: string | null; evidenceSeen: string; checkedBy: string | null } | null;
  override: { reason: string; at: Date; by: string | null } | null;
  evidenceRequestedAt: Date | null;
  /**
   * Documents the requester sent, and the agent's signed permission (kind): listed to everyone who reads
   * the request, opened only by the assignee and admins.
   */
  evidence: {
    id: string;
    kind: EvidenceKind;
    fileName: string;
    sizeBytes: number;
    uploadedAt: Date;
    deleteAfter: Date | null;
    deletedAt: Date | null;
  }[];
  canOpenEvidence: boolean;
  actions: { recordStaffCheck: ActionCheck; override: ActionCheck; requestEvidence: ActionCheck };
};

/** What the staff request page shows about identity: the level needed and reached, how, and what this actor may do about it. */
export async function getIdentityPanel(
  db: Database,
  { actor, request }: { actor: StaffActor; request: RequestRow },
): Promise<IdentityPanel> {
  assertCan(actor, 'requests.read');
  const required = request.verificationRequired ?? DEFAULT_REQUIREMENT;
  const names = new Map(
    (await db.select({ id: staffMembers.id, name: staffMembers.name }).from(staffMembers)).map((member) => [member.id, member.name]),
  );
  const [evidence, offered] = await Promise.all([
    db
      .select({
        id: identityEvidence.id,
        kind: identityEvidence.kind,
        fileName: identityEvidence.fileName,
        sizeBytes: identityEvidence.sizeBytes,
        uploadedAt: identityEvidence.uploadedAt,
        deleteAfter: identityEvidence.deleteAfter,
        deletedAt: identityEvidence.deletedAt,
      })
      .from(identityEvidence)
      .where(eq(identityEvidence.requestId, request.id))
      .orderBy(asc(identityEvidence.uploadedAt)),
    listOfferedDataPoints(db),
  ]);
  const canWork = actorCan(actor, 'requests.work');
  const forbidden = refused('FORBIDDEN', 'Your role may read this request but not change it.');
  return {
    required,
    reached: request.verificationReached,
    dataPointsMatched: request.verificationDataPointsMatched,
    meetsRequirement: hasReachedRequiredLevel(request),
    failedTries: request.verificationFailedTries,
    lockedAt: request.verificationLockedAt,
    failureReason: request.verificationFailureReason,
    noSourceCanCheck: (required.level === 'data_points' || required.level === 'declaration') && offered.length < required.dataPoints,
    declaration:
      request.declarationName && request.declarationSignedAt && request.declarationText
        ? { name: request.declarationName, signedAt: request.declarationSignedAt, text: request.declarationText }
        : null,
    staffCheck:
      request.verificationReached === 'staff_check'
        ? {
            method: request.identityCheck,
            evidenceSeen: request.identityEvidenceSeen ?? '',
            checkedBy: request.identityCheckedById ? (names.get(request.identityCheckedById) ?? null) : null,
          }
        : null,
    override:
      request.verificationOverriddenAt && request.verificationOverrideReason
        ? {
            reason: request.verificationOverrideReason,
            at: request.verificationOverriddenAt,
            by: request.verificationOverriddenById ? (names.get(request.verificationOverriddenById) ?? null) : null,
          }
        : null,
    evidenceRequestedAt: request.evidenceRequestedAt,
    evidence,
    canOpenEvidence: canOpenRequestDocuments(actor, request),
    actions: {
      recordStaffCheck: canWork ? checkStaffIdentityCheck(request) : forbidden,
      override: actorCan(actor, 'verification.override')
        ? checkVerificationOverride(request)
        : refused('FORBIDDEN', 'Only an admin can override.'),
      requestEvidence: canWork ? checkRequestEvidence(request) : forbidden,
    },
  };
}
