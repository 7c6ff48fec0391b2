import { and, count, eq, ne, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { staffMembers } from '@/db/schema';
import { recordEvent } from '@/lib/audit/record-event';
import { AppError } from '@/lib/errors/app-error';
import type { StaffRole } from './permissions';
import { assertCan, type StaffActor } from './staff-actor';

/** Changes a member's role; the change applies to their very next action (roles are read per request). */
export async function changeStaffRole(
  db: Database,
  { actor, staffId, role }: { actor: StaffActor; staffId: string; role: StaffRole },
): Promise<void> {
  assertCan(actor, 'staff.manage');
  await db.transaction(async (tx) => {
    const [member] = await tx.select().from(staffMembers).where(eq(staffMembers.id, staffId)).for('update');
    if (!member) throw new AppError('NOT_FOUND', 'No such staff member.');
    if (member.role === 'admin' && role !== 'admin') await assertAnotherActiveAdmin(tx, staffId);
    await tx.update(staffMembers).set({ role }).where(eq(staffMembers.id, staffId));
    await recordEvent(tx, {
      requestId: null,
      actor: { type: 'staff', staffId: actor.staffId },
      action: 'staff_role_changed',
      details: { staffId, from: member.role, to: role },
    });
  });
}

/**
 * The workspace must never lose its last admin: nobody could then manage staff or settings.
 * The advisory lock serialises every "remove an admin" change: without it two admins demoting
 * each other at the same moment would each count the other and both succeed.
 */
export async function assertAnotherActiveAdmin(tx: Parameters<Parameters<Database['transaction']>[0]>[0], staffId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('dsr-desk:active-admins'))`);
  const [row] = await tx
    .select({ total: count() })
    .from(staffMembers)
    .where(and(eq(staffMembers.role, 'admin'), eq(staffMembers.isActive, true), ne(staffMembers.id, staffId)));
  if (!row || row.total === 0) throw new AppError('INVALID_TRANSITION', 'This is the last active admin. Make someone else an admin first.');
}
