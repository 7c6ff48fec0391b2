import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { staffMembers } from '@/db/schema';
import { rolesWith } from './permissions';
import { assertCan, type StaffActor } from './staff-actor';

/** Who a request can be given to: active staff whose role works requests (auditors only read). */
export async function listAssignableStaff(db: Database, { actor }: { actor: StaffActor }) {
  assertCan(actor, 'requests.work');
  return db
    .select({ id: staffMembers.id, name: staffMembers.name, email: staffMembers.email, role: staffMembers.role })
    .from(staffMembers)
    .where(and(eq(staffMembers.isActive, true), inArray(staffMembers.role, [...rolesWith('requests.work')])))
    .orderBy(asc(staffMembers.name), asc(staffMembers.email));
}
