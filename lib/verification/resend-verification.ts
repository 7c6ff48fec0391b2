import type { Database } from '@/db/client';
import { findUnverifiedRequestsForUpdate } from '@/db/queries/requests';
import { recordEvent } from '@/lib/audit/record-event';
import { enforceRateLimits } from '@/lib/requests/enforce-rate-limits';
import { hashEmail } from '@/lib/security/keyed-hash';
import type { TResendVerification } from '@/lib/validation/resend-verification';
import { sendVerificationLink } from './send-verification-link';

export type ResendVerificationOptions = { input: TResendVerification; ip: string | null; now?: Date };

/**
 * "Send me a new link" from an expired or used link's page. Answers the same
 * whether or not the address has anything waiting, and counts against the same
 * limits as filing a request.
 */
export async function resendVerification(db: Database, { input, ip, now = new Date() }: ResendVerificationOptions): Promise<number> {
  const emailHash = hashEmail(input.email);
  return db.transaction(async (tx) => {
    await enforceRateLimits(tx, { emailHash, ip, now });
    const waiting = await findUnverifiedRequestsForUpdate(tx, { emailHash });
    for (const request of waiting) {
      if (request.unverifiedExpiresAt && request.unverifiedExpiresAt <= now) continue;
      await sendVerificationLink(tx, request, now);
      await recordEvent(tx, { requestId: request.id, actor: { type: 'requester' }, action: 'verification_link_resent', details: { reason: 'requested' }, ip });
    }
    return waiting.length;
  });
}
