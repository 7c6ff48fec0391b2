import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeTransport } from '@/emails/transport';
import { resetEnvForTests } from '@/lib/env';
import { deliverOutboundEmail } from '@/lib/mail/deliver-outbound-email';
import type { StaffActor } from '@/lib/staff/staff-actor';
import type { TSubmitRequest } from '@/lib/validation/submit-request';
import { listOutboundEmails, payloadProps } from '@/test/support/outbox';
import { refusal, snapshotRequest } from '@/test/support/request-snapshot';
import { getRequest, listEvents } from '@/test/support/requests';
import { type SmtpInbox, startSmtpInbox } from '@/test/support/smtp-inbox';
import { createStaffMember } from '@/test/support/staff';
import { useTestDatabase } from '@/test/support/test-database';
import { createVerifiedRequest } from '@/test/support/verified-request';
import { extendDeadline } from './extend-deadline';

const db = useTestDatabase();
const originalSmtpUrl = process.env.SMTP_URL;

describe('[agent] extends a deadline', () => {
  let agent: StaffActor;
  let inbox: SmtpInbox;
  beforeAll(async () => {
    agent = await createStaffMember(db, { role: 'agent', name: 'Extending Agent' });
    inbox = await startSmtpInbox();
    process.env.SMTP_URL = inbox.url;
    resetEnvForTests();
  });
  afterAll(async () => {
    closeTransport();
    await inbox?.stop();
    process.env.SMTP_URL = originalSmtpUrl;
    resetEnvForTests();
  });

  const withinPolicy: {
    jurisdiction: TSubmitRequest['jurisdiction'];
    receivedOn: string;
    dueOn: string;
    extendedTo: string;
    rule: string;
  }[] = [
    { jurisdiction: 'eu_gdpr', receivedOn: '2026-03-15', dueOn: '2026-04-15', extendedTo: '2026-06-15', rule: 'two further months' },
    { jurisdiction: 'us_ca_ccpa', receivedOn: '2026-03-02', dueOn: '2026-04-16', extendedTo: '2026-05-31', rule: 'a further 45 days' },
    { jurisdiction: 'other', receivedOn: '2026-03-02', dueOn: '2026-05-01', extendedTo: '2026-05-31', rule: 'the service level’s 30 days' },
  ];

  it.each(withinPolicy)('$jurisdiction: by $rule, once only', async ({ jurisdiction, receivedOn, dueOn, extendedTo }) => {
    const { request, reference } = await createVerifiedRequest(db, { jurisdiction, now: new Date(`${receivedOn}T10:00:00Z`) });
    expect(request.dueOn).toBe(dueOn);

    const decidedAt = new Date(`${receivedOn}T15:00:00Z`);
    expect(
      await extendDeadline(db, {
        actor: agent,
        reference,
        version: request.version,
        reason: 'Records are held in three systems.',
        now: decidedAt,
      }),
    ).toEqual({ dueOn: extendedTo });

    const extended = await getRequest(db, { id: request.id });
    expect(extended).toMatchObject({
      dueOn: extendedTo,
      originalDueOn: dueOn,
      extensionCount: 1,
      extensionReason: 'Records are held in three systems.',
      version: request.version + 1,
    });
    expect((await listEvents(db, { requestId: request.id })).pop()).toMatchObject({
      action: 'deadline_extended',
      actorType: 'staff',
      actorId: agent.staffId,
      isVisibleToRequester: true,
      details: { previousDueOn: dueOn, dueOn: extendedTo },
    });

    const before = await snapshotRequest(db, { id: request.id });
    const error = await refusal(
      extendDeadline(db, { actor: agent, reference, version: extended.version, reason: 'Still more time.', now: decidedAt }),
    );
    expect(error.code).toBe('INVALID_TRANSITION');
    expect(error.message).toBe('This request has already used every extension its policy allows.');
    expect(await snapshotRequest(db, { id: request.id })).toEqual(before);
  });

  it('LGPD: a policy without an extension refuses and changes nothing', async () => {
    const { request, reference } = await createVerifiedRequest(db, { jurisdiction: 'br_lgpd' });
    const before = await snapshotRequest(db, { id: request.id });

    const error = await refusal(extendDeadline(db, { actor: agent, reference, version: request.version, reason: 'More time please.' }));

    expect(error.code).toBe('INVALID_TRANSITION');
    expect(error.message).toBe('Brazil — LGPD allows no extension.');
    expect(await snapshotRequest(db, { id: request.id })).toEqual(before);
  });

  it('a request already past its due date cannot be extended: the extension had to be given in time', async () => {
    const { request, reference } = await createVerifiedRequest(db, { jurisdiction: 'eu_gdpr', now: new Date('2026-03-15T10:00:00Z') });
    const before = await snapshotRequest(db, { id: request.id });

    const error = await refusal(
      extendDeadline(db, { actor: agent, reference, version: request.version, reason: 'Too late', now: new Date('2026-04-16T09:00:00Z') }),
    );

    expect(error).toMatchObject({ code: 'INVALID_TRANSITION', message: expect.stringContaining('already passed') });
    expect(await snapshotRequest(db, { id: request.id })).toEqual(before);
    // On the last day it is still in time.
    await expect(
      extendDeadline(db, {
        actor: agent,
        reference,
        version: request.version,
        reason: 'Just in time',
        now: new Date('2026-04-15T20:00:00Z'),
      }),
    ).resolves.toEqual({ dueOn: '2026-06-15' });
  });

  it('[requester] is emailed the new due date, the reason and the rule, and receives it', async () => {
    const { request, reference, input } = await createVerifiedRequest(db, {
      jurisdiction: 'eu_gdpr',
      now: new Date('2026-03-15T10:00:00Z'),
    });
    const reason = 'Your request covers eight years of orders.\n\nWe must remove other people’s data from call recordings.';

    await extendDeadline(db, { actor: agent, reference, version: request.version, reason, now: new Date('2026-04-01T09:00:00Z') });

    const email = (await listOutboundEmails(db, { requestId: request.id })).pop()!;
    expect(email).toMatchObject({ template: 'deadline-extended', recipient: input.email, status: 'pending' });
    expect(payloadProps(email)).toMatchObject({
      reference,
      previousDueOn: '2026-04-15',
      newDueOn: '2026-06-15',
      reason,
      legalBasis: 'GDPR Art. 12(3)',
    });

    await deliverOutboundEmail(db, { outboundEmailId: email.id });
    const [mail, ...others] = await inbox.waitFor(input.email);
    expect(others).toHaveLength(0);
    expect(mail!.subject).toBe(`We need more time for ${reference}`);
    expect(mail!.text).toContain('15 June 2026');
    expect(mail!.text).toContain('Your request covers eight years of orders.');
    expect(mail!.text).toContain('GDPR Art. 12(3)');
  });

  it('the agent chooses the new date up to the legal maximum; a later date, or one not after the current, is refused', async () => {
    const { request, reference } = await createVerifiedRequest(db, { jurisdiction: 'eu_gdpr', now: new Date('2026-03-15T10:00:00Z') });
    const now = new Date('2026-03-20T09:00:00Z');
    const before = await snapshotRequest(db, { id: request.id });

    const tooLate = await refusal(
      extendDeadline(db, { actor: agent, reference, version: request.version, reason: 'More time.', dueOn: '2026-06-16', now }),
    );
    expect(tooLate).toMatchObject({ code: 'VALIDATION', details: { field: 'dueOn' } });
    expect(tooLate.message).toContain('no later than 2026-06-15');
    const notLater = await refusal(
      extendDeadline(db, { actor: agent, reference, version: request.version, reason: 'More time.', dueOn: '2026-04-15', now }),
    );
    expect(notLater).toMatchObject({ code: 'VALIDATION', details: { field: 'dueOn' } });
    expect(await snapshotRequest(db, { id: request.id })).toEqual(before);

    await expect(
      extendDeadline(db, { actor: agent, reference, version: request.version, reason: 'Three more weeks.', dueOn: '2026-05-06', now }),
    ).resolves.toEqual({ dueOn: '2026-05-06' });
    expect(await getRequest(db, { id: request.id })).toMatchObject({ dueOn: '2026-05-06', extensionCount: 1 });
    expect((await listEvents(db, { requestId: request.id })).pop()).toMatchObject({
      action: 'deadline_extended',
      details: { previousDueOn: '2026-04-15', dueOn: '2026-05-06', maxDueOn: '2026-06-15' },
    });
    expect(payloadProps((await listOutboundEmails(db, { requestId: request.id })).pop()!)).toMatchObject({ newDueOn: '2026-05-06' });
  });
});
