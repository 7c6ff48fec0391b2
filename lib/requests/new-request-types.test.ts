import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeTransport } from '@/emails/transport';
import { resetEnvForTests } from '@/lib/env';
import { deliverOutboundEmail } from '@/lib/mail/deliver-outbound-email';
import type { StaffActor } from '@/lib/staff/staff-actor';
import { ZSubmitRequest } from '@/lib/validation/submit-request';
import { aSubmission, uniqueIp } from '@/test/support/fixtures';
import { listOutboundEmails } from '@/test/support/outbox';
import { refusal } from '@/test/support/request-snapshot';
import { getRequest, listEvents, listRequestsForEmail, submitVerifiedRequest } from '@/test/support/requests';
import { type SmtpInbox, startSmtpInbox } from '@/test/support/smtp-inbox';
import { createStaffMember } from '@/test/support/staff';
import { useTestDatabase } from '@/test/support/test-database';
import { fileOnBehalf } from './file-on-behalf';
import { fulfilRequest } from './fulfil-request';
import { rejectRequest } from './reject-request';
import { submitRequest } from './submit-request';

const db = useTestDatabase();
const originalSmtpUrl = process.env.SMTP_URL;

describe('[requester] files the new kinds of request', () => {
  let agent: StaffActor;
  let inbox: SmtpInbox;
  beforeAll(async () => {
    agent = await createStaffMember(db, { role: 'agent', name: 'Rights Agent' });
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

  it('[CCPA] an opt-out of sale sent with Global Privacy Control: recorded, due in 15 business days, closed without files, emailed', async () => {
    const input = aSubmission({ type: 'opt_out_sale', jurisdiction: 'us_ca_ccpa' });
    expect(await submitRequest(db, { input, channel: 'web', ip: uniqueIp(), gpcSignal: true, now: new Date('2026-01-16T18:00:00Z') })).toBe(
      'created',
    );
    const [unverified] = await listRequestsForEmail(db, { email: input.email });
    expect(unverified).toMatchObject({ type: 'opt_out_sale', gpcSignal: true });
    expect((await listEvents(db, { requestId: unverified!.id }))[0]).toMatchObject({
      action: 'submitted',
      details: { gpcSignal: true, type: 'opt_out_sale' },
    });

    const { request, reference } = await submitVerifiedRequest(db, {
      input: aSubmission({ type: 'opt_out_sale', jurisdiction: 'us_ca_ccpa' }),
      now: new Date('2026-01-16T18:00:00Z'),
    });
    // 16 Jan 2026 is a Friday: 15 business days run to Friday 6 February. No acknowledgement duty for opt-outs.
    expect(request).toMatchObject({ dueOn: '2026-02-06', acknowledgementDueOn: null, gpcSignal: false });
    expect(request.policy).toMatchObject({ deadline: { unit: 'business_days', amount: 15 }, extension: null });

    await fulfilRequest(db, {
      actor: agent,
      reference,
      version: request.version,
      message: 'You are opted out of the sale and sharing of your personal information.',
      files: [],
      now: new Date('2026-01-20T10:00:00Z'),
    });
    expect(await getRequest(db, { id: request.id })).toMatchObject({ status: 'fulfilled' });
    const email = (await listOutboundEmails(db, { requestId: request.id })).find((row) => row.template === 'request-fulfilled')!;
    await deliverOutboundEmail(db, { outboundEmailId: email.id });
    const [mail] = await inbox.waitFor(request.email!);
    expect(mail!.text).toContain('Opt out of sale or sharing');
    expect(mail!.text).toContain('You are opted out of the sale and sharing');
  });

  it('[GDPR] a correction, a restriction and an objection are accepted and run the regime’s one-month clock', async () => {
    for (const type of ['correction', 'restriction', 'objection'] as const) {
      const { request } = await submitVerifiedRequest(db, {
        input: aSubmission({ type, jurisdiction: 'eu_gdpr', details: 'My surname is Lovelace, not Lovelance.' }),
        now: new Date('2026-03-15T10:00:00Z'),
      });
      expect(request).toMatchObject({ type, status: 'new', dueOn: '2026-04-15' });
    }
  });

  it('[agent] declines a correction with a reason (the data is accurate), and the requester is told', async () => {
    const { request, reference } = await submitVerifiedRequest(db, {
      input: aSubmission({ type: 'correction', jurisdiction: 'us_va_vcdpa', details: 'My birth year is 1990.' }),
    });
    await rejectRequest(db, {
      actor: agent,
      reference,
      version: request.version,
      basis: 'legal_exemption',
      message: 'Our records match the passport you showed us: the data is accurate.',
    });
    expect(await getRequest(db, { id: request.id })).toMatchObject({
      status: 'rejected',
      responseMessage: 'Our records match the passport you showed us: the data is accurate.',
    });
    expect((await listOutboundEmails(db, { requestId: request.id })).map((row) => row.template)).toContain('correction-declined');
  });

  it('refuses a right the chosen regime does not give, with a field error and nothing written', async () => {
    const input = aSubmission({ type: 'opt_out_targeted_ads', jurisdiction: 'eu_gdpr' });
    const error = await refusal(submitRequest(db, { input, channel: 'api', ip: uniqueIp() }));
    expect(error).toMatchObject({
      code: 'VALIDATION',
      details: { field: 'type' },
      message: 'Opt out of targeted advertising is not a right under EU/EEA — GDPR. Choose another request or region.',
    });
    expect(await listRequestsForEmail(db, { email: input.email })).toEqual([]);

    const utah = await refusal(
      fileOnBehalf(db, {
        actor: await createStaffMember(db, { role: 'admin' }),
        input: {
          ...aSubmission({ type: 'correction', jurisdiction: 'us_ut_ucpa' }),
          intakeChannel: 'phone',
          identityCheck: 'Called back on the number on file.',
          receivedOn: '2026-03-01',
        },
      }),
    );
    expect(utah).toMatchObject({ code: 'VALIDATION', details: { field: 'type' } });
  });

  it('refuses a correction with nothing to correct', () => {
    const result = ZSubmitRequest.safeParse({ ...aSubmission({ type: 'correction' }), details: '   ' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({
      path: ['details'],
      message: 'Say which of your details are wrong and what they should be',
    });
  });
});
