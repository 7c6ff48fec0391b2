import { beforeAll, describe, expect, it } from 'vitest';
import type { StaffActor } from '@/lib/staff/staff-actor';
import { getRequest, listEvents } from '@/test/support/requests';
import { createStaffMember } from '@/test/support/staff';
import { useTestDatabase } from '@/test/support/test-database';
import { createVerifiedRequest } from '@/test/support/verified-request';
import { answerInformationRequest } from './answer-information-request';
import { extendDeadline } from './extend-deadline';
import { requestInformation } from './request-information';
import { projectedDueOn } from './resume-stopped-clock';

const db = useTestDatabase();

describe('[agent] deadlines are counted from receipt, with the roll applied once', () => {
  let agent: StaffActor;
  beforeAll(async () => {
    agent = await createStaffMember(db, { role: 'agent', name: 'Deadline Agent' });
  });

  it('[UK] a request received on 3 Sep 2026 and extended is due on 3 Dec 2026, not 7 Dec', async () => {
    const { request, reference } = await createVerifiedRequest(db, { jurisdiction: 'uk_gdpr', now: new Date('2026-09-03T10:00:00Z') });
    expect(request.dueOn).toBe('2026-10-05'); // 3 Oct 2026 is a Saturday
    expect(
      await extendDeadline(db, {
        actor: agent,
        reference,
        version: request.version,
        reason: 'Three systems hold the records.',
        now: new Date('2026-09-10T10:00:00Z'),
      }),
    ).toEqual({ dueOn: '2026-12-03' });
    expect(await getRequest(db, { id: request.id })).toMatchObject({ dueOn: '2026-12-03', originalDueOn: '2026-10-05', extensionCount: 1 });
  });

  it('[EU] a request received on 31 Jan 2027 and extended is due on 30 Apr 2027, not 28 Apr', async () => {
    const { request, reference } = await createVerifiedRequest(db, { jurisdiction: 'eu_gdpr', now: new Date('2027-01-31T10:00:00Z') });
    expect(request.dueOn).toBe('2027-02-28');
    expect(
      await extendDeadline(db, {
        actor: agent,
        reference,
        version: request.version,
        reason: 'Complex.',
        now: new Date('2027-02-01T10:00:00Z'),
      }),
    ).toEqual({ dueOn: '2027-04-30' });
  });

  it('[UK] a paused request whose due date was rolled off a weekend is not late when it resumes', async () => {
    // Received 16 Apr 2026: due Saturday 16 May → Monday 18 May. Two paused days make 18 May, not 20 May.
    const { request, reference, statusToken } = await createVerifiedRequest(db, {
      jurisdiction: 'uk_gdpr',
      now: new Date('2026-04-16T09:00:00Z'),
    });
    expect(request.dueOn).toBe('2026-05-18');
    await requestInformation(db, {
      actor: agent,
      reference,
      version: request.version,
      message: 'Please send proof of address.',
      pauseKind: 'identity',
      now: new Date('2026-04-20T09:00:00Z'),
    });
    const paused = await getRequest(db, { id: request.id });
    expect(paused.clockStoppedAt).not.toBeNull();
    // While the clock is stopped, the date it would have moves day by day.
    expect(projectedDueOn(paused, new Date('2026-04-21T09:00:00Z'))).toBe('2026-05-18');
    expect(projectedDueOn(paused, new Date('2026-04-23T09:00:00Z'))).toBe('2026-05-19');
    await answerInformationRequest(db, { token: statusToken, message: 'Attached.', ip: null, now: new Date('2026-04-22T09:00:00Z') });
    expect(await getRequest(db, { id: request.id })).toMatchObject({ dueOn: '2026-05-18', pausedDays: 2, clockStoppedAt: null });
    expect(
      (await listEvents(db, { requestId: request.id })).find((event) => event.action === 'information_requested')?.details,
    ).toMatchObject({ isClockStopped: true, pauseKind: 'identity' });
  });

  it('[UK] asking for a fee does not stop the clock; [CCPA] nothing does', async () => {
    const uk = await createVerifiedRequest(db, { jurisdiction: 'uk_gdpr', now: new Date('2026-04-16T09:00:00Z') });
    await requestInformation(db, {
      actor: agent,
      reference: uk.reference,
      version: uk.request.version,
      message: 'Please pay the fee.',
      pauseKind: 'fee',
      now: new Date('2026-04-20T09:00:00Z'),
    });
    expect((await getRequest(db, { id: uk.request.id })).clockStoppedAt).toBeNull();

    const ccpa = await createVerifiedRequest(db, { jurisdiction: 'us_ca_ccpa', now: new Date('2026-04-16T09:00:00Z') });
    await requestInformation(db, {
      actor: agent,
      reference: ccpa.reference,
      version: ccpa.request.version,
      message: 'Proof of identity?',
      pauseKind: 'identity',
      now: new Date('2026-04-20T09:00:00Z'),
    });
    expect((await getRequest(db, { id: ccpa.request.id })).clockStoppedAt).toBeNull();
    await answerInformationRequest(db, { token: ccpa.statusToken, message: 'Here.', ip: null, now: new Date('2026-05-01T09:00:00Z') });
    expect(await getRequest(db, { id: ccpa.request.id })).toMatchObject({ dueOn: ccpa.request.dueOn, pausedDays: 0 });
  });

  it('[Virginia] a request gets 45 days, extendable to 90 from receipt', async () => {
    const { request, reference } = await createVerifiedRequest(db, { jurisdiction: 'us_va_vcdpa', now: new Date('2026-03-02T10:00:00Z') });
    expect(request.dueOn).toBe('2026-04-16');
    expect(request.policy).toMatchObject({ label: 'Virginia — VCDPA', appeal: { deadline: { unit: 'days', amount: 60 } } });
    expect(
      await extendDeadline(db, {
        actor: agent,
        reference,
        version: request.version,
        reason: 'Complex.',
        now: new Date('2026-03-03T10:00:00Z'),
      }),
    ).toEqual({ dueOn: '2026-05-31' });
  });
});
