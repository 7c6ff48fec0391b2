import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { findTokenByHash } from '@/db/queries/request-tokens';
import { getRequestForUpdate } from '@/db/queries/requests';
import { requests, requestTokens } from '@/db/schema';
import { AppError } from '@/lib/errors/app-error';
import { acceptRequest } from '@/lib/requests/accept-request';
import { hashToken, isSameHash } from '@/lib/security/tokens';
import { ZToken } from '@/lib/validation/token';
import { problemWithToken } from './find-verification-link';

export type ConfirmVerificationOptions = { token: string; ip: string | null; now?: Date };

/**
 * The requester pressed "Confirm my request": the token is used up and the
 * request accepted (reference, due date, acknowledgement) in one transaction.
 */
export async function confirmVerification(
  db: Database,
  { token, ip, now = new Date() }: ConfirmVerificationOptions,
): Promise<{ reference: string; statusToken: string }> {
  if (!ZToken.safeParse(token).success) throw new AppError('TOKEN_INVALID', 'This link is not valid.', { problem: 'unknown' });
  const tokenHash = hashToken(token);

  return db.transaction(async (tx) => {
    // Locking the token row makes two simultaneous presses (a double click, two
    // tabs) queue up: the second sees usedAt and is refused, so nothing is done twice.
    const row = await findTokenByHash(tx, { tokenHash, lock: true });
    if (!row || row.purpose !== 'verification' || !isSameHash(row.tokenHash, tokenHash)) {
      throw new AppError('TOKEN_INVALID', 'This link is not valid.', { problem: 'unknown' });
    }
    const problem = problemWithToken(row, now);
    if (problem) throw new AppError('TOKEN_INVALID', 'This link can no longer be used.', { problem });

    const request = await getRequestForUpdate(tx, { id: row.requestId });
    if (!request || request.status !== 'unverified')
      throw new AppError('TOKEN_INVALID', 'This request was already confirmed or has closed.', { problem: 'used' });

    await tx.update(requestTokens).set({ usedAt: now }).where(eq(requestTokens.id, row.id));
    // The link went to the person's own mailbox: for a request an agent filed, this is the person's direct confirmation (CCPA §7063(a)).
    await tx.update(requests).set({ consumerConfirmedAt: now }).where(eq(requests.id, request.id));
    const { reference, statusToken } = await acceptRequest(tx, {
      request,
      now,
      verificationReached: 'email',
      acceptedEvent: {
        actor: { type: 'requester' },
        action: 'verified',
        ip,
        isVisibleToRequester: true,
        details: request.agentEmail ? { confirmedByPersonForAgent: true } : undefined,
      },
    });
    return { reference, statusToken };
  });
}
