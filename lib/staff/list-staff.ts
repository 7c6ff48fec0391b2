import type { Database } from '@/db/client';
import { listStaffMembers } from '@/db/queries/staff-members';
import { assertCan, type StaffActor } from './staff-actor';

/** The staff list: admins manage it; everyone who works requests needs it to assign. */
export async function listStaff(db: Database, { actor }: { actor: StaffActor }) {
  assertCan(actor, 'requests.read');
  const members = await listStaffMembers(db);
  return members.map(({ id, email, name, role, isActive, createdAt, deactivatedAt }) => ({
    id,
    email,
    name,
    role,
    isActive,
    createdAt,
    deactivatedAt,
  }));
}
