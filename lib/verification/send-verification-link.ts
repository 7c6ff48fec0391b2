import { and, eq, isNull } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { insertToken, revokeTokens } from '@/db/queries/request-tokens';
import { outboundEmails, type RequestRow } from '@/db/schema';
import type { TEmailPayload } from '@/emails/templates';
import { env } from '@/lib/env';
import { enqueueEmail, queueDelivery } from '@/lib/mail/enqueue-email';
import { requestTypeLabel } from '@/lib/requests/request-type-label';
import { createToken } from '@/lib/security/tokens';
import { getOrganisationSettings } from '@/lib/settings/get-organisation-settings';
import { findUndeliveredVerificationEmail } from './find-undelivered-verification-email';

/**
 * Sends the requester a verification link, keeping exactly one live link, in the last
 * email delivered. While an earlier verification email is still undelivered (and its
 * link live), that same email is sent (now) instead of issuing another: a new token would
 * revoke the old one, and emails are not delivered in the order they were queued. Once
 * the earlier one was delivered, a fresh link replaces it; earlier links stop working.
 * Callers lock the request (or its email's rate-limit row), so two submissions at once
 * take turns here. `isNewRequest`: the request was created in this transaction, so it has no
 * earlier email or link to look for (three round trips fewer on every intake).
 */
export async function sendVerificationLink(
  tx: Transaction,
  request: RequestRow,
  now: Date,
  { isNewRequest = false }: { isNewRequest?: boolean } = {},
): Promise<void> {
  if (!request.email) throw new Error(`request ${request.id} has no email to verify`);
  if (isNewRequest) await issueLink(tx, request, now);
  else await reuseOrReplaceLink(tx, request, now);
}

/** The undelivered email with a live link is sent now; otherwise earlier links are revoked and a fresh one issued. */
async function reuseOrReplaceLink(tx: Transaction, request: RequestRow, now: Date): Promise<void> {
  const undelivered = await findUndeliveredVerificationEmail(tx, { requestId: request.id, now });
  if (undelivered) return queueDelivery(tx, { outboundEmailId: undelivered.id });
  // Undelivered emails whose link is about to lapse are replaced, not delivered after the new one.
  await tx
    .update(outboundEmails)
    .set({ status: 'failed', lastError: 'replaced by a newer verification link', recipient: null, payload: null })
    .where(
      and(
        eq(outboundEmails.requestId, request.id),
        eq(outboundEmails.template, 'verification'),
        eq(outboundEmails.status, 'pending'),
        isNull(outboundEmails.sendingAttemptId),
      ),
    );
  await revokeTokens(tx, { requestId: request.id, purpose: 'verification', now });
  await issueLink(tx, request, now);
}

/** A new token and the email that carries it. */
async function issueLink(tx: Transaction, request: RequestRow, now: Date): Promise<void> {
  const { token, tokenHash } = createToken();
  await insertToken(tx, { requestId: request.id, purpose: 'verification', tokenHash, expiresAt: verificationLinkExpiry(now) });
  const { organisationName } = await getOrganisationSettings(tx);
  await enqueueEmail(tx, {
    requestId: request.id,
    to: request.email!,
    // The row is at hand: the email's language needs no second read of it.
    requestLanguage: request.language,
    payload: verificationEmailPayload({ request, token, organisationName }),
  });
}

/** When a verification link issued now stops working. */
export function verificationLinkExpiry(now: Date): Date {
  return new Date(now.getTime() + env().VERIFICATION_TOKEN_TTL_HOURS * 60 * 60 * 1000);
}

/** The email that carries a verification link (before its language is stamped). */
export function verificationEmailPayload({
  request,
  token,
  organisationName,
}: {
  request: Pick<RequestRow, 'type' | 'agentName'>;
  token: string;
  organisationName: string;
}): TEmailPayload {
  const { APP_URL, VERIFICATION_TOKEN_TTL_HOURS } = env();
  return {
    template: 'verification',
    version: 1,
    props: {
      organisationName,
      requestTypeLabel: requestTypeLabel(request.type),
      verifyUrl: `${APP_URL}/verify/${token}`,
      expiresInHours: VERIFICATION_TOKEN_TTL_HOURS,
      ...(request.agentName ? { agentName: request.agentName } : {}),
    },
  };
}
