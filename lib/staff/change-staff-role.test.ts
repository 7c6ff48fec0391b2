import { and, eq, isNull } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { requestEvents, staffMembers } from '@/db/schema';
import { isAppError } from '@/lib/errors/app-error';
import { aStaffActor, makeOnlyActiveAdmin } from '@/test/support/staff-actors';
import { useTestDatabase } from '@/test/support/test-database';
import { changeStaffRole } from './change-staff-role';

const db = useTestDatabase();

async function roleOf(staffId: string) {
  const [row] = await db.select({ role: staffMembers.role }).from(staffMembers).where(eq(staffMembers.id, staffId));
  return row?.role;
}

async function caught(attempt: Promise<unknown>) {
  return attempt.then(
    () => null,
    (error: unknown) => error,
  );
}

describe('[admin] changes a staff member’s role', () => {
  it('the new role is stored and the change is in the audit trail with the admin as actor and no request', async () => {
    const admin = await aStaffActor(db, 'admin');
    const agent = await aStaffActor(db, 'agent');

    await changeStaffRole(db, { actor: admin, staffId: agent.staffId, role: 'auditor' });

    expect(await roleOf(agent.staffId)).toBe('auditor');
    const events = await db
      .select()
      .from(requestEvents)
      .where(and(eq(requestEvents.action, 'staff_role_changed'), eq(requestEvents.actorId, admin.staffId), isNull(requestEvents.requestId)));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorType: 'staff', details: { staffId: agent.staffId, from: 'agent', to: 'auditor' } });
  });

  it('refuses to demote the last active admin, even themselves, and changes nothing', async () => {
    const admin = await aStaffActor(db, 'admin');
    await makeOnlyActiveAdmin(db, admin);

    const error = await caught(changeStaffRole(db, { actor: admin, staffId: admin.staffId, role: 'agent' }));

    expect(isAppError(error, 'INVALID_TRANSITION')).toBe(true);
    expect((error as Error).message).toMatch(/last active admin/);
    expect(await roleOf(admin.staffId)).toBe('admin');
  });

  it('an agent may not change roles (FORBIDDEN), whatever the form sent', async () => {
    const agent = await aStaffActor(db, 'agent');
    const other = await aStaffActor(db, 'auditor');

    const error = await caught(changeStaffRole(db, { actor: agent, staffId: other.staffId, role: 'admin' }));

    expect(isAppError(error, 'FORBIDDEN')).toBe(true);
    expect(await roleOf(other.staffId)).toBe('auditor');
  });
});
