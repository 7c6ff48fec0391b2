import { eq } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '@/db/client';
import { findTokenByHash } from '@/db/queries/request-tokens';
import { jurisdictionPolicies, requests, type RequestRow } from '@/db/schema';
import { hashToken, isSameHash } from '@/lib/security/tokens';
import { ZToken } from '@/lib/validation/token';

export type VerificationLinkProblem = 'unknown' | 'used' | 'expired';

export type VerificationLink =
  | { isValid: true; request: Pick<RequestRow, 'id' | 'type' | 'email' | 'fullName' | 'receivedAt'> & { jurisdictionLabel: string } }
  | { isValid: false; problem: VerificationLinkProblem };

/**
 * Reads a verification link without using it up: the GET of /verify/<token> only
 * shows what would be confirmed, so mail scanners that prefetch links verify nothing.
 */
export async function findVerificationLink(
  db: DatabaseOrTransaction,
  { token, now = new Date() }: { token: string; now?: Date },
): Promise<VerificationLink> {
  if (!ZToken.safeParse(token).success) return { isValid: false, problem: 'unknown' };
  const tokenHash = hashToken(token);
  const row = await findTokenByHash(db, { tokenHash });
  if (!row || row.purpose !== 'verification' || !isSameHash(row.tokenHash, tokenHash)) return { isValid: false, problem: 'unknown' };
  const problem = problemWithToken(row, now);
  if (problem) return { isValid: false, problem };

  const [request] = await db
    .select({
      id: requests.id,
      type: requests.type,
      email: requests.email,
      fullName: requests.fullName,
      receivedAt: requests.receivedAt,
      status: requests.status,
      policy: jurisdictionPolicies.policy,
    })
    .from(requests)
    .innerJoin(jurisdictionPolicies, eq(jurisdictionPolicies.code, requests.jurisdiction))
    .where(eq(requests.id, row.requestId));
  if (!request) return { isValid: false, problem: 'unknown' };
  if (request.status !== 'unverified') return { isValid: false, problem: request.status === 'expired' ? 'expired' : 'used' };
  const { policy, status: _status, ...summary } = request;
  return { isValid: true, request: { ...summary, jurisdictionLabel: policy.label } };
}

export function problemWithToken(
  token: { usedAt: Date | null; revokedAt: Date | null; expiresAt: Date | null },
  now: Date,
): VerificationLinkProblem | null {
  if (token.usedAt) return 'used';
  // A revoked link was replaced by a newer one: to the requester that is an old, expired link.
  if (token.revokedAt || (token.expiresAt && token.expiresAt <= now)) return 'expired';
  return null;
}
