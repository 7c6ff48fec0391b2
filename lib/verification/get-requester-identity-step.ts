import { and, count, eq } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '@/db/client';
import { identityEvidence, type RequestRow } from '@/db/schema';
import { isActive } from '@/lib/requests/request-status';
import { getVerificationLevelSettings } from '@/lib/settings/get-verification-level-settings';
import type { DataPointKind } from '@/lib/validation/verification-levels';
import { pendingDataPoints } from './verification-requirement';
import { listOfferedDataPoints } from './verification-sources';

export type RequesterIdentityStep =
  | { kind: 'none' }
  | { kind: 'data_points'; dataPoints: number; isDeclaration: boolean; offered: DataPointKind[]; triesLeft: number }
  | { kind: 'locked' }
  | { kind: 'evidence'; uploadedCount: number };

/** The identity step the status page shows: the facts to give, the document to upload, or that a person will check. */
export async function getRequesterIdentityStep(db: DatabaseOrTransaction, request: RequestRow): Promise<RequesterIdentityStep> {
  if (!isActive(request.status) || request.verificationReached === 'staff_check') return { kind: 'none' };
  if (request.evidenceRequestedAt) {
    const [row] = await db
      .select({ uploaded: count() })
      .from(identityEvidence)
      .where(and(eq(identityEvidence.requestId, request.id), eq(identityEvidence.kind, 'identity_document')));
    return { kind: 'evidence', uploadedCount: row?.uploaded ?? 0 };
  }
  if (request.verificationLockedAt && !request.verificationOverriddenAt) return { kind: 'locked' };
  const pending = pendingDataPoints(request);
  if (!pending || request.verificationOverriddenAt) return { kind: 'none' };
  const offered = await listOfferedDataPoints(db);
  // No source can check facts: a person checks instead (the staff page says so).
  if (offered.length === 0) return { kind: 'none' };
  const { maxTries } = await getVerificationLevelSettings(db);
  return {
    kind: 'data_points',
    dataPoints: Math.min(pending.dataPoints, offered.length),
    isDeclaration: pending.level === 'declaration',
    offered,
    triesLeft: Math.max(0, maxTries - request.verificationFailedTries),
  };
}
