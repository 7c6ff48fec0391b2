import type { TCorrectionField } from '@/lib/validation/correction-request';
import { eq, sql } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { findJurisdictionPolicy } from '@/db/queries/jurisdiction-policies';
import { nextReferenceNumber } from '@/db/queries/requests';
import { type RequestRow, requests } from '@/db/schema';
import { type RecordEventOptions, recordEvent } from '@/lib/audit/record-event';
import { toCalendarDate } from '@/lib/deadlines/calendar-date';
import { computeAcknowledgementDueDate } from '@/lib/deadlines/compute-acknowledgement-due-date';
import { computeDueDate } from '@/lib/deadlines/compute-due-date';
import { policyForRequestType } from '@/lib/deadlines/policy-for-request-type';
import { env } from '@/lib/env';
import { startAutomaticGathering } from '@/lib/fulfilment/start-automatic-gathering';
import { enqueueEmail } from '@/lib/mail/enqueue-email';
import { getOrganisationSettings } from '@/lib/settings/get-organisation-settings';
import { getVerificationLevelSettings } from '@/lib/settings/get-verification-level-settings';
import type { VerificationLevel } from '@/lib/validation/verification-levels';
import { requiredVerificationFor } from '@/lib/verification/verification-requirement';
import { ZDeadlinePolicy } from '@/lib/validation/deadline-policy';
import { assertTransition } from './assert-transition';
import { createStatusToken } from './create-status-token';
import { formatReference } from './format-reference';
import { requestTypeLabel } from './request-type-label';

/** The requester's lines as the email's one-line texts (at most 200 characters; a JSON client may have sent line breaks). */
function emailableCorrectionFields(fields: readonly TCorrectionField[]) {
  const oneLine = (text: string) => {
    const flat = text.replace(/\s+/g, ' ').trim();
    return flat.length > 200 ? `${flat.slice(0, 199)}…` : flat;
  };
  return fields.map((line) => ({ field: oneLine(line.field), shouldBe: oneLine(line.shouldBe) }));
}

/**
 * A request whose requester is known becomes `new`: it gets its reference, its
 * due date from the jurisdiction's policy (kept on the request, so later policy
 * edits don't rewrite it), a status link, and the acknowledgement email.
 * Shared by email verification and by staff filing on someone's behalf; the
 * caller's own event (e.g. "verified") is written right after the status
 * change, so the trail reads cause before effect. An access or export request
 * then starts gathering its data from the enabled sources by itself.
 */
export async function acceptRequest(
  tx: Transaction,
  {
    request,
    now,
    acceptedEvent,
    verificationReached,
  }: {
    request: RequestRow;
    now: Date;
    /** How the requester was known: the email link, or a person at the desk who checked. */
    verificationReached: VerificationLevel;
    acceptedEvent: Omit<RecordEventOptions, 'requestId' | 'details'> & { details?: Record<string, unknown> };
  },
): Promise<{ reference: string; statusToken: string; dueOn: string }> {
  assertTransition(request.status, 'new');
  const policyRow = await findJurisdictionPolicy(tx, { code: request.jurisdiction });
  if (!policyRow) throw new Error(`no deadline policy for jurisdiction ${request.jurisdiction}`);
  const policy = policyForRequestType(ZDeadlinePolicy.parse(policyRow.policy), request.type);
  const dueOn = computeDueDate(request.receivedOn, policy);
  const acknowledgementDueOn = computeAcknowledgementDueDate(request.receivedOn, policy);
  const reference = formatReference(toCalendarDate(now, env().TIME_ZONE), await nextReferenceNumber(tx));
  // The level the regime asks for today is kept on the request, like the policy: later edits don't move its bar.
  const verificationRequired = requiredVerificationFor(await getVerificationLevelSettings(tx), request);

  await tx
    .update(requests)
    .set({
      status: 'new',
      reference,
      verifiedAt: now,
      dueOn,
      originalDueOn: dueOn,
      acknowledgementDueOn,
      policy,
      verificationRequired,
      verificationReached,
      unverifiedExpiresAt: null,
      version: sql`${requests.version} + 1`,
      updatedAt: now,
    })
    .where(eq(requests.id, request.id));
  await recordEvent(tx, {
    ...acceptedEvent,
    requestId: request.id,
    details: { reference, dueOn, policy: request.jurisdiction, verificationRequired, verificationReached, ...acceptedEvent.details },
  });

  const { token: statusToken, statusUrl } = await createStatusToken(tx, { requestId: request.id });
  const { organisationName } = await getOrganisationSettings(tx);
  await enqueueEmail(tx, {
    requestId: request.id,
    to: request.email!,
    payload: {
      template: 'acknowledgement',
      version: 1,
      props: {
        organisationName,
        reference,
        requestTypeLabel: requestTypeLabel(request.type),
        receivedOn: request.receivedOn,
        dueOn,
        jurisdictionLabel: policy.label,
        statusUrl,
        ...(request.correctionFields?.length ? { correctionFields: emailableCorrectionFields(request.correctionFields) } : {}),
      },
    },
  });
  await recordEvent(tx, { requestId: request.id, actor: { type: 'system' }, action: 'acknowledgement_queued', details: { reference } });
  await startAutomaticGathering(tx, { request: { ...request, status: 'new', reference }, now });
  return { reference, statusToken, dueOn };
}
