import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { requests } from '@/db/schema';
import { recordEvent } from '@/lib/audit/record-event';
import { enqueueEmail } from '@/lib/mail/enqueue-email';
import { type UseCaseActor, eventActorOf, staffIdOf } from '@/lib/staff/staff-actor';
import { assertTransition } from './assert-transition';
import { changeRequest } from './change-request';
import { requesterEmailContext } from './requester-email-context';

export type RequestInformationOptions = { actor: UseCaseActor; reference: string; version: number; message: string; now?: Date };

/**
 * Asks the requester for identity proof or clarification. Where the policy
 * allows (UK GDPR "stop the clock", ICO guidance), the deadline pauses until
 * they reply; the paused days are added to the due date on their answer.
 */
export async function requestInformation(db: Database, { actor, reference, version, message, now = new Date() }: RequestInformationOptions): Promise<void> {
  await changeRequest(db, { actor, permission: 'requests.work', reference, expectedVersion: version }, async (tx, request) => {
    assertTransition(request.status, 'awaiting_requester');
    const isClockStopped = Boolean(request.policy?.clockStopAllowed);
    await tx
      .update(requests)
      .set({ status: 'awaiting_requester', clockStoppedAt: isClockStopped ? now : null, assigneeId: request.assigneeId ?? staffIdOf(actor) })
      .where(eq(requests.id, request.id));
    await recordEvent(tx, {
      requestId: request.id,
      actor: eventActorOf(actor),
      action: 'information_requested',
      // The question is kept here (not only in the email, whose payload is erased once sent) so the status page can show it beside the reply form.
      details: { isClockStopped, message },
      isVisibleToRequester: true,
    });
    await enqueueEmail(tx, {
      requestId: request.id,
      to: request.email!,
      payload: { template: 'information-requested', version: 1, props: { ...(await requesterEmailContext(tx, request)), message, isClockStopped } },
    });
  });
}
