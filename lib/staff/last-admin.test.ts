import { and, eq, inArray, ne } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findActiveStaffMember } from '@/db/queries/staff-members';
import { staffMembers } from '@/db/schema';
import { refusal } from '@/test/support/request-snapshot';
import { createStaffMember } from '@/test/support/staff';
import { useTestDatabase } from '@/test/support/test-database';
import { changeStaffRole } from './change-staff-role';
import { deactivateStaffMember } from './deactivate-staff-member';
import { inviteStaffMember } from './invite-staff-member';
import type { StaffActor } from './staff-actor';

const db = useTestDatabase();

describe('[admin] the workspace never loses its last active admin', () => {
  let lastAdmin: StaffActor;
  let parked: string[] = [];

  // Other files leave admins behind; they are set aside for each test and restored after it.
  beforeEach(async () => {
    lastAdmin = await createStaffMember(db, { role: 'admin', name: 'Last Admin' });
    const others = await db
      .update(staffMembers)
      .set({ isActive: false })
      .where(and(eq(staffMembers.role, 'admin'), eq(staffMembers.isActive, true), ne(staffMembers.id, lastAdmin.staffId)))
      .returning({ id: staffMembers.id });
    parked = others.map((row) => row.id);
  });
  afterEach(async () => {
    if (parked.length > 0) await db.update(staffMembers).set({ isActive: true }).where(inArray(staffMembers.id, parked));
  });

  it('changing their role is refused', async () => {
    const error = await refusal(changeStaffRole(db, { actor: lastAdmin, staffId: lastAdmin.staffId, role: 'agent' }));
    expect(error).toMatchObject({ code: 'INVALID_TRANSITION', message: expect.stringContaining('last active admin') });
    expect(await findActiveStaffMember(db, { id: lastAdmin.staffId })).toMatchObject({ role: 'admin' });
  });

  it('deactivating them is refused', async () => {
    const error = await refusal(deactivateStaffMember(db, { actor: lastAdmin, staffId: lastAdmin.staffId }));
    expect(error.code).toBe('INVALID_TRANSITION');
    expect(await findActiveStaffMember(db, { id: lastAdmin.staffId })).toMatchObject({ role: 'admin' });
  });

  it('re-inviting their address with another role is refused too, not a back door', async () => {
    const error = await refusal(inviteStaffMember(db, { actor: lastAdmin, input: { email: lastAdmin.email, name: '', role: 'auditor' }, sendInvitation: false }));
    expect(error.code).toBe('INVALID_TRANSITION');
    expect(await findActiveStaffMember(db, { id: lastAdmin.staffId })).toMatchObject({ role: 'admin' });
  });

  it('with a second admin, the first can step down', async () => {
    const second = await createStaffMember(db, { role: 'admin' });
    await changeStaffRole(db, { actor: second, staffId: lastAdmin.staffId, role: 'agent' });
    expect(await findActiveStaffMember(db, { id: lastAdmin.staffId })).toMatchObject({ role: 'agent' });
  });
});
