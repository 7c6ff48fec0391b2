import { beforeAll, describe, expect, it } from 'vitest';
import type { StaffActor } from '@/lib/staff/staff-actor';
import { type TFileOnBehalf, ZFileOnBehalf } from '@/lib/validation/staff-actions';
import { uniqueEmail } from '@/test/support/fixtures';
import { listOutboundEmails, payloadProps } from '@/test/support/outbox';
import { refusal } from '@/test/support/request-snapshot';
import { listEvents, listRequestsForEmail } from '@/test/support/requests';
import { createStaffTeam } from '@/test/support/staff';
import { useTestDatabase } from '@/test/support/test-database';
import { fileOnBehalf } from './file-on-behalf';

const db = useTestDatabase();

function aPhoneRequest(overrides: Partial<TFileOnBehalf> = {}): TFileOnBehalf {
  return {
    type: 'deletion',
    email: uniqueEmail('caller'),
    fullName: 'Grace Hopper',
    jurisdiction: 'eu_gdpr',
    intakeChannel: 'phone',
    identityCheck: 'Confirmed date of birth and the last four digits of the card on file',
    receivedOn: '2026-11-02',
    ...overrides,
  };
}

describe('[agent] files a request on someone’s behalf', () => {
  let team: Awaited<ReturnType<typeof createStaffTeam>>;
  let agent: StaffActor;
  beforeAll(async () => {
    team = await createStaffTeam(db);
    agent = team.agent;
  });

  it('cannot skip the identity check record: the schema asks how identity was checked', () => {
    const { identityCheck: _omitted, ...withoutCheck } = aPhoneRequest();
    const missing = ZFileOnBehalf.safeParse(withoutCheck);
    const tooShort = ZFileOnBehalf.safeParse({ ...withoutCheck, identityCheck: 'ok' });
    expect(missing.success).toBe(false);
    expect(tooShort.success).toBe(false);
    expect(tooShort.error!.issues).toEqual([
      expect.objectContaining({ path: ['identityCheck'], message: expect.stringContaining('Describe how you checked') }),
    ]);
  });

  it('the request is new, assigned to them, with the channel and identity check recorded, the deadline from the day received and an acknowledgement queued', async () => {
    const input = aPhoneRequest({ intakeChannel: 'letter' });

    const { reference } = await fileOnBehalf(db, { actor: agent, input, now: new Date('2026-11-25T10:00:00Z') });

    const [request, ...others] = await listRequestsForEmail(db, { email: input.email });
    expect(others).toHaveLength(0);
    expect(request).toMatchObject({
      reference,
      status: 'new',
      channel: 'staff',
      intakeChannelDetail: 'letter',
      identityCheck: input.identityCheck,
      receivedOn: '2026-11-02',
      dueOn: '2026-12-02',
      assigneeId: agent.staffId,
    });
    const events = await listEvents(db, { requestId: request!.id });
    expect(events.map((event) => event.action)).toEqual(['filed_on_behalf', 'identity_checked_by_staff', 'acknowledgement_queued']);
    expect(events[0]).toMatchObject({
      actorType: 'staff',
      actorId: agent.staffId,
      details: { channel: 'letter', receivedOn: '2026-11-02' },
    });
    const [acknowledgement, ...otherEmails] = await listOutboundEmails(db, { requestId: request!.id });
    expect(otherEmails).toHaveLength(0);
    expect(acknowledgement).toMatchObject({ template: 'acknowledgement', recipient: input.email, status: 'pending' });
    expect(payloadProps(acknowledgement!)).toMatchObject({ reference, receivedOn: '2026-11-02', dueOn: '2026-12-02' });
  });

  it('a date received in the future, or a second open request of the same kind, is refused', async () => {
    const input = aPhoneRequest();
    expect(
      await refusal(
        fileOnBehalf(db, { actor: agent, input: { ...input, receivedOn: '2026-11-26' }, now: new Date('2026-11-25T10:00:00Z') }),
      ),
    ).toMatchObject({ code: 'VALIDATION', details: { field: 'receivedOn' } });
    expect(await listRequestsForEmail(db, { email: input.email })).toHaveLength(0);

    const { reference } = await fileOnBehalf(db, { actor: agent, input });
    expect(await refusal(fileOnBehalf(db, { actor: team.admin, input }))).toMatchObject({
      code: 'VALIDATION',
      details: { field: 'email', reference },
    });
    expect(await listRequestsForEmail(db, { email: input.email })).toHaveLength(1);
  });

  it('[auditor] is refused and nothing is created', async () => {
    const input = aPhoneRequest();
    expect((await refusal(fileOnBehalf(db, { actor: team.auditor, input }))).code).toBe('FORBIDDEN');
    expect(await listRequestsForEmail(db, { email: input.email })).toHaveLength(0);
  });
});
