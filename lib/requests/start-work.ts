import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { requests } from '@/db/schema';
import { recordEvent } from '@/lib/audit/record-event';
import type { StaffActor } from '@/lib/staff/staff-actor';
import { assertTransition } from './assert-transition';
import { changeRequest } from './change-request';

export type StartWorkOptions = { actor: StaffActor; reference: string; version: number };

/** An agent starts on a new request; unassigned requests become theirs. */
export async function startWork(db: Database, { actor, reference, version }: StartWorkOptions): Promise<void> {
  await changeRequest(db, { actor, permission: 'requests.work', reference, expectedVersion: version }, async (tx, request) => {
    assertTransition(request.status, 'in_progress');
    await tx
      .update(requests)
      .set({ status: 'in_progress', assigneeId: request.assigneeId ?? actor.staffId })
      .where(eq(requests.id, request.id));
    await recordEvent(tx, { requestId: request.id, actor: { type: 'staff', staffId: actor.staffId }, action: 'work_started', isVisibleToRequester: true });
  });
}
