import { and, eq, ne } from 'drizzle-orm';
import { afterAll, beforeAll } from 'vitest';
import type { Database } from '@/db/client';
import { staffMembers } from '@/db/schema';
import { resetEnvForTests } from '@/lib/env';
import type { StaffRole } from '@/lib/staff/permissions';
import type { StaffActor } from '@/lib/staff/staff-actor';
import { inviteStaffMember } from '@/lib/staff/invite-staff-member';
import { uniqueEmail } from './fixtures';
import { closeSharedDatabase } from './shared-database';

/**
 * A staff member added the way `npm run staff` adds one (actor 'system', no
 * invitation email), returned as the actor a signed-in session would give.
 */
export async function createStaffMember(
  db: Database,
  { role, name = `Test ${role}` }: { role: StaffRole; name?: string },
): Promise<StaffActor> {
  const email = uniqueEmail(`staff-${role}`);
  const { staffId } = await inviteStaffMember(db, { actor: 'system', input: { email, name, role }, sendInvitation: false });
  return { staffId, email, name, role };
}

/** One active member of each role. */
export async function createStaffTeam(db: Database): Promise<Record<StaffRole, StaffActor>> {
  const [admin, agent, auditor] = await Promise.all([
    createStaffMember(db, { role: 'admin' }),
    createStaffMember(db, { role: 'agent' }),
    createStaffMember(db, { role: 'auditor' }),
  ]);
  return { admin: admin!, agent: agent!, auditor: auditor! };
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

/**
 * For a test file that runs use cases as staff: an admin, an agent and an auditor made
 * before its tests, and the shared database client (used by jobs) closed after them.
 * Read the members inside tests.
 */
export function useStaffTeam(db: Database): Record<StaffRole, StaffActor> {
  let team: Record<StaffRole, StaffActor> | undefined;
  beforeAll(async () => {
    resetEnvForTests();
    team = await createStaffTeam(db);
  });
  afterAll(() => closeSharedDatabase());
  const member = (role: StaffRole) => {
    if (!team) throw new Error('the staff team is made in beforeAll: use it inside tests');
    return team[role];
  };
  return {
    get admin() {
      return member('admin');
    },
    get agent() {
      return member('agent');
    },
    get auditor() {
      return member('auditor');
    },
  };
}
