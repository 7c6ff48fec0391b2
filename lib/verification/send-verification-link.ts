import type { Transaction } from '@/db/client';
import { insertToken, revokeTokens } from '@/db/queries/request-tokens';
import type { RequestRow } from '@/db/schema';
import { env } from '@/lib/env';
import { enqueueEmail } from '@/lib/mail/enqueue-email';
import { requestTypeLabel } from '@/lib/requests/request-type-label';
import { createToken } from '@/lib/security/tokens';
import { getOrganisationSettings } from '@/lib/settings/get-organisation-settings';

/**
 * Issues a fresh verification link for an unverified request and queues the
 * email. Earlier links stop working: only the newest one in the inbox counts.
 */
export async function sendVerificationLink(tx: Transaction, request: RequestRow, now: Date): Promise<void> {
  const { APP_URL, VERIFICATION_TOKEN_TTL_HOURS } = env();
  if (!request.email) throw new Error(`request ${request.id} has no email to verify`);
  await revokeTokens(tx, { requestId: request.id, purpose: 'verification', now });
  const { token, tokenHash } = createToken();
  const expiresAt = new Date(now.getTime() + VERIFICATION_TOKEN_TTL_HOURS * 60 * 60 * 1000);
  await insertToken(tx, { requestId: request.id, purpose: 'verification', tokenHash, expiresAt });
  const { organisationName } = await getOrganisationSettings(tx);
  await enqueueEmail(tx, {
    requestId: request.id,
    to: request.email,
    payload: {
      template: 'verification',
      version: 1,
      props: {
        organisationName,
        requestTypeLabel: requestTypeLabel(request.type),
        verifyUrl: `${APP_URL}/verify/${token}`,
        expiresInHours: VERIFICATION_TOKEN_TTL_HOURS,
      },
    },
  });
}
