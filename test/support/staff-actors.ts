import { and, eq, ne } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { staffMembers } from '@/db/schema';
import type { StaffRole } from '@/lib/staff/permissions';
import type { StaffActor } from '@/lib/staff/staff-actor';
import { inviteStaffMember } from '@/lib/staff/invite-staff-member';
import { uniqueEmail } from './fixtures';

/** An active staff member of the role, added the way the CLI does (no invitation email), as a use case's actor. */
export async function aStaffActor(db: Database, role: StaffRole): Promise<StaffActor> {
  const email = uniqueEmail(role);
  const { staffId } = await inviteStaffMember(db, { actor: 'system', input: { email, name: `Test ${role}`, role }, sendInvitation: false });
  return { staffId, email, name: `Test ${role}`, role };
}

/**
 * Leaves `admin` as the only active admin in the run's database, for the
 * last-admin rule: other files' admins are deactivated (files run one at a time).
 */
export async function makeOnlyActiveAdmin(db: Database, admin: StaffActor): Promise<void> {
  await db
    .update(staffMembers)
    .set({ isActive: false, deactivatedAt: new Date() })
    .where(and(eq(staffMembers.role, 'admin'), eq(staffMembers.isActive, true), ne(staffMembers.id, admin.staffId)));
}
