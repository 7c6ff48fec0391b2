import { eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { requests } from '@/db/schema';
import { recordEvent } from '@/lib/audit/record-event';
import { toCalendarDate } from '@/lib/deadlines/calendar-date';
import { rearmDeadlineReminders } from '@/lib/deadlines/rearm-deadline-reminders';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors/app-error';
import { enqueueEmail } from '@/lib/mail/enqueue-email';
import { type UseCaseActor, eventActorOf } from '@/lib/staff/staff-actor';
import { changeRequest } from './change-request';
import { checkExtension } from './check-extension';
import { requesterEmailContext } from './requester-email-context';

export type ExtendDeadlineOptions = {
  actor: UseCaseActor;
  reference: string;
  version: number;
  reason: string;
  /** The new due date the agent chose: after the current one and no later than the legal maximum (left out: the maximum). */
  dueOn?: string;
  now?: Date;
};

/**
 * Extends the deadline within the policy's limit. The requester must be told the
 * new date and why (GDPR Art. 12(3); CCPA §1798.130(a)(2)), so the email goes in
 * the same transaction.
 */
export async function extendDeadline(
  db: Database,
  { actor, reference, version, reason, dueOn: chosenDueOn, now = new Date() }: ExtendDeadlineOptions,
): Promise<{ dueOn: string }> {
  return changeRequest(db, { actor, permission: 'requests.work', reference, expectedVersion: version }, async (tx, request) => {
    const check = checkExtension(request, toCalendarDate(now, env().TIME_ZONE));
    if (!check.isAllowed) throw new AppError(check.code, check.reason);
    const { dueOn: maxDueOn, previousDueOn, policy } = check;
    // The maximum comes from the deadline rules (computeExtendedDueDate via checkExtension), never from the form.
    if (chosenDueOn !== undefined && (chosenDueOn <= previousDueOn || chosenDueOn > maxDueOn)) {
      throw new AppError(
        'VALIDATION',
        `Choose a date after ${previousDueOn} and no later than ${maxDueOn}, the latest ${policy.label} allows.`,
        {
          field: 'dueOn',
        },
      );
    }
    const dueOn = chosenDueOn ?? maxDueOn;
    await tx
      .update(requests)
      .set({ dueOn, extensionCount: sql`${requests.extensionCount} + 1`, extensionReason: reason })
      .where(eq(requests.id, request.id));
    await rearmDeadlineReminders(tx, { requestId: request.id });
    await recordEvent(tx, {
      requestId: request.id,
      actor: eventActorOf(actor),
      action: 'deadline_extended',
      details: { previousDueOn, dueOn, maxDueOn },
      isVisibleToRequester: true,
    });
    await enqueueEmail(tx, {
      requestId: request.id,
      to: request.email!,
      payload: {
        template: 'deadline-extended',
        version: 1,
        props: {
          ...(await requesterEmailContext(tx, request)),
          previousDueOn,
          newDueOn: dueOn,
          reason,
          legalBasis: policy.legalBasis || policy.label,
        },
      },
    });
    return { dueOn };
  });
}
