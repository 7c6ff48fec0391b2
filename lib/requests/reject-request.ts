import { eq } from 'drizzle-orm';
import type { Database, Transaction } from '@/db/client';
import { type RequestRow, requests } from '@/db/schema';
import { recordEvent } from '@/lib/audit/record-event';
import { stopRunsOfClosedRequest } from '@/lib/fulfilment/stop-runs-of-closed-request';
import { enqueueEmail } from '@/lib/mail/enqueue-email';
import { type UseCaseActor, eventActorOf } from '@/lib/staff/staff-actor';
import { type RejectionBasis, rejectionBasisLabels } from '@/lib/validation/staff-actions';
import { appealableUntil } from '@/lib/deadlines/appeal-rules';
import { toCalendarDate } from '@/lib/deadlines/calendar-date';
import { env } from '@/lib/env';
import { assertAllowed } from './action-check';
import { assertNotAnAppeal } from './assert-not-an-appeal';
import { checkClosing } from './check-closing';
import { changeRequest } from './change-request';
import { requesterEmailContext } from './requester-email-context';

export type RejectRequestOptions = {
  actor: UseCaseActor;
  reference: string;
  version: number | null;
  basis: RejectionBasis;
  message?: string;
  now?: Date;
};

/** Declines a request with a reason from the templates; the reason is emailed to the requester. */
export async function rejectRequest(
  db: Database,
  { actor, reference, version, basis, message, now = new Date() }: RejectRequestOptions,
): Promise<void> {
  await changeRequest(db, { actor, permission: 'requests.work', reference, expectedVersion: version }, (tx, request) =>
    applyRejection(tx, { actor, request, basis, message, now }),
  );
}

export async function applyRejection(
  tx: Transaction,
  { actor, request, basis, message, now }: { actor: UseCaseActor; request: RequestRow; basis: RejectionBasis; message?: string; now: Date },
): Promise<void> {
  assertAllowed(await checkClosing(tx, request, 'rejected'));
  assertNotAnAppeal(request);
  await tx
    .update(requests)
    .set({ status: 'rejected', rejectionBasis: basis, responseMessage: message ?? null, closedAt: now, clockStoppedAt: null })
    .where(eq(requests.id, request.id));
  await recordEvent(tx, {
    requestId: request.id,
    actor: eventActorOf(actor),
    action: 'rejected',
    details: { basis },
    isVisibleToRequester: true,
  });
  await stopRunsOfClosedRequest(tx, { requestId: request.id, actor: eventActorOf(actor), now });
  if (request.email) {
    await enqueueEmail(tx, {
      requestId: request.id,
      to: request.email,
      payload: {
        template: 'request-rejected',
        version: 1,
        props: {
          ...(await requesterEmailContext(tx, request)),
          basisLabel: rejectionBasisLabels[basis],
          message: message ?? null,
          appealUntil: request.policy ? appealableUntil(toCalendarDate(now, env().TIME_ZONE), request.policy) : null,
        },
      },
    });
  }
}
