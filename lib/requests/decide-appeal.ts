import { and, desc, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { requestEvents, requests } from '@/db/schema';
import { recordEvent } from '@/lib/audit/record-event';
import { rearmDeadlineReminders } from '@/lib/deadlines/rearm-deadline-reminders';
import { AppError } from '@/lib/errors/app-error';
import { enqueueEmail } from '@/lib/mail/enqueue-email';
import { can } from '@/lib/staff/permissions';
import type { StaffActor } from '@/lib/staff/staff-actor';
import { assertTransition } from './assert-transition';
import { changeRequest } from './change-request';
import { canReopenOnAppeal } from './request-status';
import { requesterEmailContext } from './requester-email-context';

export type AppealOutcome = 'granted' | 'denied';

export type DecideAppealOptions = {
  actor: StaffActor;
  reference: string;
  version: number;
  outcome: AppealOutcome;
  message: string;
  /** An admin deciding the appeal of their own refusal must say why. */
  overrideReason?: string;
  now?: Date;
};

/**
 * Decides an appeal. The staff member who refused the request may not decide its appeal (an admin may,
 * with a recorded reason). Granting closes the appeal and reopens the refused request, due by the
 * appeal's deadline; denying closes both with the result emailed, naming the attorney general where the
 * law asks (regulatorContact). The appeal's row lock (changeRequest) and then the refused request's keep
 * two deciders from both succeeding.
 */
export async function decideAppeal(
  db: Database,
  { actor, reference, version, outcome, message, overrideReason, now = new Date() }: DecideAppealOptions,
): Promise<void> {
  await changeRequest(db, { actor, permission: 'requests.work', reference, expectedVersion: version }, async (tx, appeal) => {
    if (!appeal.appealOfId) throw new AppError('INVALID_TRANSITION', 'This request is not an appeal.');
    assertTransition(appeal.status, outcome === 'granted' ? 'fulfilled' : 'rejected');
    const [refused] = await tx.select().from(requests).where(eq(requests.id, appeal.appealOfId)).for('update');
    if (!refused || !canReopenOnAppeal(refused.status))
      throw new AppError('INVALID_TRANSITION', 'The appealed request is no longer refused.');

    const [refusal] = await tx
      .select({ staffId: requestEvents.actorId })
      .from(requestEvents)
      .where(and(eq(requestEvents.requestId, refused.id), eq(requestEvents.action, 'rejected')))
      .orderBy(desc(requestEvents.id))
      .limit(1);
    const isOwnRefusal = refusal?.staffId === actor.staffId;
    if (isOwnRefusal && !(can(actor.role, 'appeals.override_separation') && overrideReason)) {
      throw new AppError(
        'FORBIDDEN',
        can(actor.role, 'appeals.override_separation')
          ? 'You refused this request: give a reason to decide its appeal yourself.'
          : 'You refused this request, so a colleague must decide its appeal.',
        { field: can(actor.role, 'appeals.override_separation') ? 'overrideReason' : 'outcome' },
      );
    }

    const closed = {
      status: outcome === 'granted' ? ('fulfilled' as const) : ('rejected' as const),
      responseMessage: message,
      closedAt: now,
      assigneeId: appeal.assigneeId ?? actor.staffId,
    };
    await tx.update(requests).set(closed).where(eq(requests.id, appeal.id));
    await recordEvent(tx, {
      requestId: appeal.id,
      actor: { type: 'staff', staffId: actor.staffId },
      action: outcome === 'granted' ? 'appeal_granted' : 'appeal_denied',
      details: { appealOf: refused.reference, ...(isOwnRefusal ? { separationOverriddenBecause: overrideReason } : {}) },
      isVisibleToRequester: true,
    });
    if (outcome === 'granted') {
      // The reopened request is due by the appeal's deadline: the original one has usually passed.
      await tx
        .update(requests)
        .set({
          status: 'in_progress',
          closedAt: null,
          rejectionBasis: null,
          responseMessage: null,
          dueOn: appeal.dueOn,
          assigneeId: actor.staffId,
          version: sql`${requests.version} + 1`,
          updatedAt: now,
        })
        .where(eq(requests.id, refused.id));
      await rearmDeadlineReminders(tx, { requestId: refused.id });
      await recordEvent(tx, {
        requestId: refused.id,
        actor: { type: 'staff', staffId: actor.staffId },
        action: 'reopened_on_appeal',
        details: { appealReference: appeal.reference, dueOn: appeal.dueOn },
        isVisibleToRequester: true,
      });
    }
    await enqueueEmail(tx, {
      requestId: appeal.id,
      to: appeal.email!,
      payload: {
        template: 'appeal-decided',
        version: 1,
        props: {
          ...(await requesterEmailContext(tx, refused)),
          reference: appeal.reference ?? '',
          appealedReference: refused.reference ?? '',
          outcome,
          message,
          regulatorContact: outcome === 'denied' ? refused.policy?.appeal?.regulatorContact || null : null,
        },
      },
    });
  });
}
