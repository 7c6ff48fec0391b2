import { asc, desc, eq, max } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '@/db/client';
import { staffMembers, staffSessions } from '@/db/schema';
import { assertCan, type StaffActor } from './staff-actor';

/**
 * The staff page's list, for admins. "Last sign-in" is the newest session still
 * stored: signing out or deactivation deletes sessions, so it can be unknown.
 */
export async function listTeamMembers(db: DatabaseOrTransaction, { actor }: { actor: StaffActor }) {
  assertCan(actor, 'staff.manage');
  return db
    .select({
      id: staffMembers.id,
      email: staffMembers.email,
      name: staffMembers.name,
      role: staffMembers.role,
      isActive: staffMembers.isActive,
      createdAt: staffMembers.createdAt,
      deactivatedAt: staffMembers.deactivatedAt,
      lastSignInAt: max(staffSessions.createdAt),
    })
    .from(staffMembers)
    .leftJoin(staffSessions, eq(staffSessions.staffId, staffMembers.id))
    .groupBy(staffMembers.id)
    .orderBy(desc(staffMembers.isActive), asc(staffMembers.email));
}

export type TeamMember = Awaited<ReturnType<typeof listTeamMembers>>[number];
