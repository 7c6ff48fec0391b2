import { and, asc, eq, sql } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../client';
import { staffMembers } from '../schema';

export async function findStaffMemberByEmail(db: DatabaseOrTransaction, { email }: { email: string }) {
  const [row] = await db.select().from(staffMembers).where(sql`lower(${staffMembers.email}) = ${email.trim().toLowerCase()}`);
  return row ?? null;
}

export async function findActiveStaffMember(db: DatabaseOrTransaction, { id }: { id: string }) {
  const [row] = await db
    .select()
    .from(staffMembers)
    .where(and(eq(staffMembers.id, id), eq(staffMembers.isActive, true)));
  return row ?? null;
}

export async function listStaffMembers(db: DatabaseOrTransaction) {
  return db.select().from(staffMembers).orderBy(asc(staffMembers.isActive), asc(staffMembers.email));
}

export async function listActiveStaffByRole(db: DatabaseOrTransaction, { role }: { role: 'admin' | 'agent' | 'auditor' }) {
  return db
    .select()
    .from(staffMembers)
    .where(and(eq(staffMembers.role, role), eq(staffMembers.isActive, true)));
}
