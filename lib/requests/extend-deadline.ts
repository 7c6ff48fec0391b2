import { eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { requests } from '@/db/schema';
import { recordEvent } from '@/lib/audit/record-event';
import { toCalendarDate } from '@/lib/deadlines/calendar-date';
import { computeExtendedDueDate } from '@/lib/deadlines/compute-extended-due-date';
import { DeadlineRuleError } from '@/lib/deadlines/deadline-rule-error';
import { rearmDeadlineReminders } from '@/lib/deadlines/rearm-deadline-reminders';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors/app-error';
import { enqueueEmail } from '@/lib/mail/enqueue-email';
import { type UseCaseActor, eventActorOf } from '@/lib/staff/staff-actor';
import { changeRequest } from './change-request';
import { isOpen } from './request-status';
import { requesterEmailContext } from './requester-email-context';

export type ExtendDeadlineOptions = { actor: UseCaseActor; reference: string; version: number; reason: string; now?: Date };

/**
 * Extends the deadline within the policy's limit. The requester must be told the
 * new date and why (GDPR Art. 12(3); CCPA §1798.130(a)(2)), so the email goes in
 * the same transaction.
 */
export async function extendDeadline(db: Database, { actor, reference, version, reason, now = new Date() }: ExtendDeadlineOptions): Promise<{ dueOn: string }> {
  return changeRequest(db, { actor, permission: 'requests.work', reference, expectedVersion: version }, async (tx, request) => {
    if (!isOpen(request.status) || request.status === 'unverified' || !request.dueOn || !request.policy) {
      throw new AppError('INVALID_TRANSITION', 'Only an open, confirmed request can be extended.');
    }
    // The requester must be told of an extension within the first period (GDPR Art. 12(3), CCPA
    // §1798.130(a)(2)): extending a request that is already late would hide the missed deadline.
    if (request.dueOn < toCalendarDate(now, env().TIME_ZONE)) {
      throw new AppError('INVALID_TRANSITION', 'The deadline has already passed: an extension must be given before it ends.');
    }
    let dueOn: string;
    try {
      dueOn = computeExtendedDueDate(request.receivedOn, request.policy, { extensionsUsed: request.extensionCount, pausedDays: request.pausedDays });
    } catch (error) {
      if (error instanceof DeadlineRuleError) {
        throw new AppError('INVALID_TRANSITION', request.policy.extension ? 'This request has already used every extension its policy allows.' : `${request.policy.label} allows no extension.`);
      }
      throw error;
    }
    await tx
      .update(requests)
      .set({ dueOn, extensionCount: sql`${requests.extensionCount} + 1`, extensionReason: reason })
      .where(eq(requests.id, request.id));
    await rearmDeadlineReminders(tx, { requestId: request.id });
    await recordEvent(tx, {
      requestId: request.id,
      actor: eventActorOf(actor),
      action: 'deadline_extended',
      details: { previousDueOn: request.dueOn, dueOn },
      isVisibleToRequester: true,
    });
    await enqueueEmail(tx, {
      requestId: request.id,
      to: request.email!,
      payload: {
        template: 'deadline-extended',
        version: 1,
        props: { ...(await requesterEmailContext(tx, request)), previousDueOn: request.dueOn, newDueOn: dueOn, reason, legalBasis: request.policy.legalBasis || request.policy.label },
      },
    });
    return { dueOn };
  });
}
