import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { requestEvents, staffMembers, staffSessions } from '@/db/schema';
import { isAppError } from '@/lib/errors/app-error';
import { createStaffMember, makeOnlyActiveAdmin } from '@/test/support/staff';
import { useTestDatabase } from '@/test/support/test-database';
import { createStaffAuthAdapter } from './auth-adapter';
import { deactivateStaffMember } from './deactivate-staff-member';

const db = useTestDatabase();
const adapter = createStaffAuthAdapter(db);

/** Signs the member in as next-auth does: a session row behind a random cookie value. */
async function openSession(staffId: string): Promise<string> {
  const sessionToken = randomBytes(32).toString('hex');
  await adapter.createSession!({ sessionToken, userId: staffId, expires: new Date(Date.now() + 24 * 60 * 60 * 1000) });
  return sessionToken;
}

describe('[admin] deactivates a staff member', () => {
  it('deletes every session of theirs at once, so their open browser is refused, and records who did it', async () => {
    const admin = await createStaffMember(db, { role: 'admin' });
    const agent = await createStaffMember(db, { role: 'agent' });
    const laptop = await openSession(agent.staffId);
    const phone = await openSession(agent.staffId);
    expect(await adapter.getSessionAndUser!(laptop)).not.toBeNull();

    await deactivateStaffMember(db, { actor: admin, staffId: agent.staffId });

    expect(await db.select().from(staffSessions).where(eq(staffSessions.staffId, agent.staffId))).toHaveLength(0);
    expect(await adapter.getSessionAndUser!(laptop)).toBeNull();
    expect(await adapter.getSessionAndUser!(phone)).toBeNull();
    const [member] = await db.select().from(staffMembers).where(eq(staffMembers.id, agent.staffId));
    expect(member).toMatchObject({ isActive: false });
    expect(member!.deactivatedAt).toBeInstanceOf(Date);
    const events = await db
      .select()
      .from(requestEvents)
      .where(and(eq(requestEvents.action, 'staff_deactivated'), eq(requestEvents.actorId, admin.staffId)));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ requestId: null, actorType: 'staff', details: { staffId: agent.staffId } });
  });

  it('refuses to deactivate the last active admin, whose session keeps working', async () => {
    const admin = await createStaffMember(db, { role: 'admin' });
    await makeOnlyActiveAdmin(db, admin);
    const session = await openSession(admin.staffId);

    const error = await deactivateStaffMember(db, { actor: admin, staffId: admin.staffId }).catch((caught: unknown) => caught);

    expect(isAppError(error, 'INVALID_TRANSITION')).toBe(true);
    expect(await adapter.getSessionAndUser!(session)).not.toBeNull();
  });

  it('an auditor may not deactivate anyone (FORBIDDEN)', async () => {
    const auditor = await createStaffMember(db, { role: 'auditor' });
    const agent = await createStaffMember(db, { role: 'agent' });
    const session = await openSession(agent.staffId);

    const error = await deactivateStaffMember(db, { actor: auditor, staffId: agent.staffId }).catch((caught: unknown) => caught);

    expect(isAppError(error, 'FORBIDDEN')).toBe(true);
    expect(await adapter.getSessionAndUser!(session)).not.toBeNull();
  });
});
