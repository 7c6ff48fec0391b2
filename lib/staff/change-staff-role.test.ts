import { and, eq, isNull } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { requestEvents, staffMembers } from '@/db/schema';
import { refusal } from '@/test/support/request-snapshot';
import { createStaffMember, makeOnlyActiveAdmin } from '@/test/support/staff';
import { useTestDatabase } from '@/test/support/test-database';
import { changeStaffRole } from './change-staff-role';

const db = useTestDatabase();

async function roleOf(staffId: string) {
  const [row] = await db.select({ role: staffMembers.role }).from(staffMembers).where(eq(staffMembers.id, staffId));
  return row?.role;
}

describe('[admin] changes a staff member’s role', () => {
  it('the new role is stored and the change is in the audit trail with the admin as actor and no request', async () => {
    const admin = await createStaffMember(db, { role: 'admin' });
    const agent = await createStaffMember(db, { role: 'agent' });

    await changeStaffRole(db, { actor: admin, staffId: agent.staffId, role: 'auditor' });

    expect(await roleOf(agent.staffId)).toBe('auditor');
    const events = await db
      .select()
      .from(requestEvents)
      .where(
        and(eq(requestEvents.action, 'staff_role_changed'), eq(requestEvents.actorId, admin.staffId), isNull(requestEvents.requestId)),
      );
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorType: 'staff', details: { staffId: agent.staffId, from: 'agent', to: 'auditor' } });
  });

  it('refuses to demote the last active admin, even themselves, and changes nothing', async () => {
    const admin = await createStaffMember(db, { role: 'admin' });
    await makeOnlyActiveAdmin(db, admin);

    const error = await refusal(changeStaffRole(db, { actor: admin, staffId: admin.staffId, role: 'agent' }));

    expect(error.code).toBe('INVALID_TRANSITION');
    expect(error.message).toMatch(/last active admin/);
    expect(await roleOf(admin.staffId)).toBe('admin');
  });

  it('an agent may not change roles (FORBIDDEN), whatever the form sent', async () => {
    const agent = await createStaffMember(db, { role: 'agent' });
    const other = await createStaffMember(db, { role: 'auditor' });

    const error = await refusal(changeStaffRole(db, { actor: agent, staffId: other.staffId, role: 'admin' }));

    expect(error.code).toBe('FORBIDDEN');
    expect(await roleOf(other.staffId)).toBe('auditor');
  });
});
