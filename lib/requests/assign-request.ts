import { eq } from 'drizzle-orm';
import type { Database, Transaction } from '@/db/client';
import { findActiveStaffMember } from '@/db/queries/staff-members';
import { type RequestRow, requests } from '@/db/schema';
import { recordEvent } from '@/lib/audit/record-event';
import { AppError } from '@/lib/errors/app-error';
import { can } from '@/lib/staff/permissions';
import type { StaffActor } from '@/lib/staff/staff-actor';
import { changeRequest } from './change-request';
import { isActive } from './request-status';

export type AssignRequestOptions = { actor: StaffActor; reference: string; version: number | null; assigneeId: string | null };

/** Gives a request to a staff member who can work it (or unassigns it). */
export async function assignRequest(db: Database, { actor, reference, version, assigneeId }: AssignRequestOptions): Promise<void> {
  await changeRequest(db, { actor, permission: 'requests.work', reference, expectedVersion: version }, (tx, request) =>
    applyAssignment(tx, { actor, request, assigneeId }),
  );
}

export async function applyAssignment(
  tx: Transaction,
  { actor, request, assigneeId }: { actor: StaffActor; request: RequestRow; assigneeId: string | null },
): Promise<void> {
  if (!isActive(request.status)) throw new AppError('INVALID_TRANSITION', 'Only open, confirmed requests can be assigned.');
  if (assigneeId) {
    const assignee = await findActiveStaffMember(tx, { id: assigneeId });
    if (!assignee || !can(assignee.role, 'requests.work'))
      throw new AppError('VALIDATION', 'Choose an active admin or agent.', { field: 'assigneeId' });
  }
  await tx.update(requests).set({ assigneeId }).where(eq(requests.id, request.id));
  await recordEvent(tx, {
    requestId: request.id,
    actor: { type: 'staff', staffId: actor.staffId },
    action: 'assigned',
    details: { from: request.assigneeId, to: assigneeId },
  });
}
