import { eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { findJurisdictionPolicy } from '@/db/queries/jurisdiction-policies';
import { findTokenByHash } from '@/db/queries/request-tokens';
import { getRequestForUpdate, nextReferenceNumber } from '@/db/queries/requests';
import { requests, requestTokens } from '@/db/schema';
import { recordEvent } from '@/lib/audit/record-event';
import { toCalendarDate } from '@/lib/deadlines/calendar-date';
import { computeAcknowledgementDueDate } from '@/lib/deadlines/compute-acknowledgement-due-date';
import { computeDueDate } from '@/lib/deadlines/compute-due-date';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors/app-error';
import { enqueueEmail } from '@/lib/mail/enqueue-email';
import { assertTransition } from '@/lib/requests/assert-transition';
import { createStatusToken } from '@/lib/requests/create-status-token';
import { formatReference } from '@/lib/requests/format-reference';
import { requestTypeLabel } from '@/lib/requests/request-type-label';
import { hashToken, isSameHash } from '@/lib/security/tokens';
import { ZDeadlinePolicy } from '@/lib/validation/deadline-policy';
import { ZToken } from '@/lib/validation/token';
import { problemWithToken } from './find-verification-link';

export type ConfirmVerificationOptions = { token: string; ip: string | null; now?: Date };

/**
 * The requester pressed "Confirm my request": the request becomes `new`, gets its
 * reference and due date, and the acknowledgement with the private status link
 * is queued, all in one transaction.
 */
export async function confirmVerification(db: Database, { token, ip, now = new Date() }: ConfirmVerificationOptions): Promise<{ reference: string; statusToken: string }> {
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
    if (!request || request.status !== 'unverified') throw new AppError('TOKEN_INVALID', 'This request was already confirmed or has closed.', { problem: 'used' });
    assertTransition(request.status, 'new');

    const policyRow = await findJurisdictionPolicy(tx, { code: request.jurisdiction });
    if (!policyRow) throw new Error(`no deadline policy for jurisdiction ${request.jurisdiction}`);
    const policy = ZDeadlinePolicy.parse(policyRow.policy);
    const dueOn = computeDueDate(request.receivedOn, policy);
    const acknowledgementDueOn = computeAcknowledgementDueDate(request.receivedOn, policy);
    const reference = formatReference(toCalendarDate(now, env().TIME_ZONE), await nextReferenceNumber(tx));

    await tx.update(requestTokens).set({ usedAt: now }).where(eq(requestTokens.id, row.id));
    await tx
      .update(requests)
      .set({
        status: 'new',
        reference,
        verifiedAt: now,
        dueOn,
        acknowledgementDueOn,
        policy,
        unverifiedExpiresAt: null,
        version: sql`${requests.version} + 1`,
        updatedAt: now,
      })
      .where(eq(requests.id, request.id));
    await recordEvent(tx, {
      requestId: request.id,
      actor: { type: 'requester' },
      action: 'verified',
      details: { reference, dueOn, policy: request.jurisdiction },
      ip,
      isVisibleToRequester: true,
    });

    const { token: statusToken, statusUrl } = await createStatusToken(tx, { requestId: request.id });
    await enqueueEmail(tx, {
      requestId: request.id,
      to: request.email!,
      payload: {
        template: 'acknowledgement',
        version: 1,
        props: {
          organisationName: env().ORGANISATION_NAME,
          reference,
          requestTypeLabel: requestTypeLabel(request.type),
          receivedOn: request.receivedOn,
          dueOn,
          jurisdictionLabel: policy.label,
          statusUrl,
        },
      },
    });
    await recordEvent(tx, { requestId: request.id, actor: { type: 'system' }, action: 'acknowledgement_queued', details: { reference } });
    return { reference, statusToken };
  });
}
