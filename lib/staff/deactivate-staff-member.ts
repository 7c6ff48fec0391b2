import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { staffMembers, staffSessions } from '@/db/schema';
import { recordEvent } from '@/lib/audit/record-event';
import { AppError } from '@/lib/errors/app-error';
import { assertAnotherActiveAdmin } from './change-staff-role';
import { assertCan, type StaffActor } from './staff-actor';

/** Deactivates a member and deletes their sessions in the same transaction: they are signed out at once. */
export async function deactivateStaffMember(
  db: Database,
  { actor, staffId, now = new Date() }: { actor: StaffActor; staffId: string; now?: Date },
): Promise<void> {
  assertCan(actor, 'staff.manage');
  await db.transaction(async (tx) => {
    const [member] = await tx.select().from(staffMembers).where(eq(staffMembers.id, staffId)).for('update');
    if (!member) throw new AppError('NOT_FOUND', 'No such staff member.');
    if (!member.isActive) return;
    if (member.role === 'admin') await assertAnotherActiveAdmin(tx, staffId);
    await tx.update(staffMembers).set({ isActive: false, deactivatedAt: now }).where(eq(staffMembers.id, staffId));
    await tx.delete(staffSessions).where(eq(staffSessions.staffId, staffId));
    await recordEvent(tx, {
      requestId: null,
      actor: { type: 'staff', staffId: actor.staffId },
      action: 'staff_deactivated',
      details: { staffId },
    });
  });
}
