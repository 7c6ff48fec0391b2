import { eq } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { type RequestRow, requests } from '@/db/schema';
import { recordEvent } from '@/lib/audit/record-event';
import type { StaffActor } from '@/lib/staff/staff-actor';

/**
 * An agent acting on a `new` request (gathering its data, a dry run) has started
 * work on it, as if they had pressed "Start work": it becomes in progress and,
 * if nobody has it, theirs. Other statuses are returned unchanged. Runs on the
 * caller's transaction, which holds the request's row lock (changeRequest).
 */
export async function startWorkIfNew(tx: Transaction, { request, actor, now }: { request: RequestRow; actor: StaffActor; now: Date }): Promise<RequestRow> {
  if (request.status !== 'new') return request;
  const assigneeId = request.assigneeId ?? actor.staffId;
  await tx.update(requests).set({ status: 'in_progress', assigneeId, updatedAt: now }).where(eq(requests.id, request.id));
  await recordEvent(tx, { requestId: request.id, actor: { type: 'staff', staffId: actor.staffId }, action: 'work_started', details: {}, isVisibleToRequester: true });
  return { ...request, status: 'in_progress', assigneeId };
}
