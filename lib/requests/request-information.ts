import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { requests } from '@/db/schema';
import { recordEvent } from '@/lib/audit/record-event';
import { enqueueEmail } from '@/lib/mail/enqueue-email';
import { isClockStoppedBy } from '@/lib/deadlines/is-clock-stopped-by';
import { type UseCaseActor, eventActorOf, staffIdOf } from '@/lib/staff/staff-actor';
import type { PauseKind } from '@/lib/validation/deadline-policy';
import { assertTransition } from './assert-transition';
import { changeRequest } from './change-request';
import { requesterEmailContext } from './requester-email-context';

export type RequestInformationOptions = {
  actor: UseCaseActor;
  reference: string;
  version: number;
  message: string;
  pauseKind?: PauseKind;
  now?: Date;
};

/**
 * Asks the requester for identity proof, clarification or a fee. Where the
 * policy's regime stops the clock for that kind of wait (UK GDPR Art. 12A, ICO
 * guidance; never under the CCPA), the deadline pauses until they reply; the
 * paused days are counted into the due date on their answer.
 */
export async function requestInformation(
  db: Database,
  { actor, reference, version, message, pauseKind = 'clarification', now = new Date() }: RequestInformationOptions,
): Promise<void> {
  await changeRequest(db, { actor, permission: 'requests.work', reference, expectedVersion: version }, async (tx, request) => {
    assertTransition(request.status, 'awaiting_requester');
    const isClockStopped = request.policy !== null && isClockStoppedBy(request.policy, pauseKind);
    await tx
      .update(requests)
      .set({
        status: 'awaiting_requester',
        clockStoppedAt: isClockStopped ? now : null,
        assigneeId: request.assigneeId ?? staffIdOf(actor),
      })
      .where(eq(requests.id, request.id));
    await recordEvent(tx, {
      requestId: request.id,
      actor: eventActorOf(actor),
      action: 'information_requested',
      // The question is kept here (not only in the email, whose payload is erased once sent) so the status page can show it beside the reply form.
      details: { isClockStopped, pauseKind, message },
      isVisibleToRequester: true,
    });
    await enqueueEmail(tx, {
      requestId: request.id,
      to: request.email!,
      payload: {
        template: 'information-requested',
        version: 1,
        props: { ...(await requesterEmailContext(tx, request)), message, isClockStopped },
      },
    });
  });
}
