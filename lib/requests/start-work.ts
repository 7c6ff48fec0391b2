import { eq, sql } from 'drizzle-orm';
import type { Database, Transaction } from '@/db/client';
import { type RequestRow, requests } from '@/db/schema';
import { recordEvent } from '@/lib/audit/record-event';
import { rearmDeadlineReminders } from '@/lib/deadlines/rearm-deadline-reminders';
import { type UseCaseActor, eventActorOf, staffIdOf } from '@/lib/staff/staff-actor';
import { assertTransition } from './assert-transition';
import { changeRequest } from './change-request';
import { resumeStoppedClock } from './resume-stopped-clock';

export type StartWorkOptions = { actor: UseCaseActor; reference: string; version: number; now?: Date };

/**
 * An agent starts on a new request; unassigned requests become theirs. From
 * "awaiting requester" (the answer came by phone or letter, say) it also restarts
 * a stopped clock, exactly as the requester's own reply would.
 */
export async function startWork(db: Database, { actor, reference, version, now = new Date() }: StartWorkOptions): Promise<void> {
  await changeRequest(db, { actor, permission: 'requests.work', reference, expectedVersion: version }, (tx, request) =>
    applyStartWork(tx, { actor, request, now }),
  );
}

/**
 * The transition itself, on the caller's transaction (which holds the request's row lock):
 * also used when staff start a fulfilment run on a `new` request. Returns the request as it now is.
 */
export async function applyStartWork(
  tx: Transaction,
  { actor, request, now }: { actor: UseCaseActor; request: RequestRow; now: Date },
): Promise<RequestRow> {
  assertTransition(request.status, 'in_progress');
  const { dueOn, pausedDays } = resumeStoppedClock(request, now);
  const [started] = await tx
    .update(requests)
    .set({
      status: 'in_progress',
      assigneeId: request.assigneeId ?? staffIdOf(actor),
      clockStoppedAt: null,
      dueOn,
      pausedDays: sql`${requests.pausedDays} + ${pausedDays}`,
    })
    .where(eq(requests.id, request.id))
    .returning();
  if (pausedDays > 0) await rearmDeadlineReminders(tx, { requestId: request.id });
  const isResuming = request.status === 'awaiting_requester';
  await recordEvent(tx, {
    requestId: request.id,
    actor: eventActorOf(actor),
    action: isResuming ? 'work_resumed' : 'work_started',
    details: isResuming ? { pausedDays, dueOn, previousDueOn: request.dueOn } : {},
    isVisibleToRequester: true,
  });
  return started;
}
