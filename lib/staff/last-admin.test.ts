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

  // Earlier tests leave admins behind; they are set aside for each test and restored after it.
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
    const error = await refusal(
      inviteStaffMember(db, { actor: lastAdmin, input: { email: lastAdmin.email, name: '', role: 'auditor' }, sendInvitation: false }),
    );
    expect(error.code).toBe('INVALID_TRANSITION');
    expect(await findActiveStaffMember(db, { id: lastAdmin.staffId })).toMatchObject({ role: 'admin' });
  });

  it('with a second admin, the first can step down', async () => {
    const second = await createStaffMember(db, { role: 'admin' });
    await changeStaffRole(db, { actor: second, staffId: lastAdmin.staffId, role: 'agent' });
    expect(await findActiveStaffMember(db, { id: lastAdmin.staffId })).toMatchObject({ role: 'agent' });
  });

  it('two admins demoting each other at the same moment: exactly one succeeds', async () => {
    for (let round = 0; round < 10; round++) {
      const first = await createStaffMember(db, { role: 'admin' });
      const second = await createStaffMember(db, { role: 'admin' });
      // Only these two may count: the test's "last admin" steps aside for the race.
      await db.update(staffMembers).set({ isActive: false }).where(eq(staffMembers.id, lastAdmin.staffId));
      const outcomes = await Promise.allSettled([
        changeStaffRole(db, { actor: first, staffId: second.staffId, role: 'agent' }),
        changeStaffRole(db, { actor: second, staffId: first.staffId, role: 'agent' }),
      ]);
      expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
      expect(outcomes.find((outcome) => outcome.status === 'rejected')).toMatchObject({ reason: { code: 'INVALID_TRANSITION' } });
      const admins = await db
        .select()
        .from(staffMembers)
        .where(
          and(eq(staffMembers.role, 'admin'), eq(staffMembers.isActive, true), inArray(staffMembers.id, [first.staffId, second.staffId])),
        );
      expect(admins).toHaveLength(1);
      await db
        .update(staffMembers)
        .set({ isActive: false })
        .where(inArray(staffMembers.id, [first.staffId, second.staffId]));
      await db.update(staffMembers).set({ isActive: true }).where(eq(staffMembers.id, lastAdmin.staffId));
    }
  });
});
