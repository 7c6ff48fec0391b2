import { beforeAll, describe, expect, it } from 'vitest';
import type { StaffActor } from '@/lib/staff/staff-actor';
import { listOutboundEmails } from '@/test/support/outbox';
import { refusal, snapshotRequest } from '@/test/support/request-snapshot';
import { getRequest, listEvents } from '@/test/support/requests';
import { createStaffMember } from '@/test/support/staff';
import { useTestDatabase } from '@/test/support/test-database';
import { createVerifiedRequest } from '@/test/support/verified-request';
import { extendDeadline } from './extend-deadline';
import { rejectRequest } from './reject-request';
import { requestInformation } from './request-information';
import { startWork } from './start-work';

const db = useTestDatabase();

describe('[agent] acts on a request a colleague changed since it was opened', () => {
  let first: StaffActor;
  let second: StaffActor;
  beforeAll(async () => {
    first = await createStaffMember(db, { role: 'agent', name: 'First Agent' });
    second = await createStaffMember(db, { role: 'admin', name: 'Second Admin' });
  });

  it('the first action succeeds; the second, on the stale version, is a CONFLICT and changes nothing', async () => {
    const { request, reference } = await createVerifiedRequest(db);
    const seenVersion = request.version;

    await startWork(db, { actor: first, reference, version: seenVersion });
    const afterFirst = await snapshotRequest(db, { id: request.id });

    const error = await refusal(
      rejectRequest(db, { actor: second, reference, version: seenVersion, basis: 'duplicate', message: 'Same as last week' }),
    );

    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain('changed since you opened it');
    expect(error.details).toEqual({ expectedVersion: seenVersion, actualVersion: seenVersion + 1 });
    expect(await snapshotRequest(db, { id: request.id })).toEqual(afterFirst);
    expect(afterFirst.request).toMatchObject({ status: 'in_progress', assigneeId: first.staffId, version: seenVersion + 1 });
  });

  it('two staff acting at the same moment on the same version: exactly one wins', async () => {
    for (let attempt = 0; attempt < 5; attempt++) {
      const { request, reference } = await createVerifiedRequest(db);
      const emailsBefore = (await listOutboundEmails(db, { requestId: request.id })).length;

      const outcomes = await Promise.allSettled([
        extendDeadline(db, { actor: first, reference, version: request.version, reason: 'Records in three systems' }),
        requestInformation(db, { actor: second, reference, version: request.version, message: 'Please confirm your customer number' }),
      ]);

      const won = outcomes.filter((outcome) => outcome.status === 'fulfilled');
      const lost = outcomes.filter((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect(lost[0]!.reason).toMatchObject({ code: 'CONFLICT' });

      const after = await getRequest(db, { id: request.id });
      expect(after.version).toBe(request.version + 1);
      const staffActions = (await listEvents(db, { requestId: request.id }))
        .filter((event) => event.actorType === 'staff')
        .map((event) => event.action);
      expect(staffActions).toHaveLength(1);
      expect(['deadline_extended', 'information_requested']).toContain(staffActions[0]);
      // Only the winner's email was queued.
      expect((await listOutboundEmails(db, { requestId: request.id })).length).toBe(emailsBefore + 1);
      if (staffActions[0] === 'deadline_extended') expect(after).toMatchObject({ status: 'new', extensionCount: 1 });
      else expect(after).toMatchObject({ status: 'awaiting_requester', extensionCount: 0 });
    }
  });
});
