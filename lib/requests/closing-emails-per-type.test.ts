import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeTransport } from '@/emails/transport';
import { resetEnvForTests } from '@/lib/env';
import { deliverOutboundEmail } from '@/lib/mail/deliver-outbound-email';
import type { StaffActor } from '@/lib/staff/staff-actor';
import type { RequestType } from '@/lib/validation/request-type';
import { aSubmission } from '@/test/support/fixtures';
import { listOutboundEmails } from '@/test/support/outbox';
import { submitVerifiedRequest } from '@/test/support/requests';
import { type SmtpInbox, startSmtpInbox } from '@/test/support/smtp-inbox';
import { createStaffMember } from '@/test/support/staff';
import { useTestDatabase } from '@/test/support/test-database';
import { fulfilRequest } from './fulfil-request';
import { rejectRequest } from './reject-request';

const db = useTestDatabase();
const originalSmtpUrl = process.env.SMTP_URL;
let inbox: SmtpInbox;
let agent: StaffActor;

beforeAll(async () => {
  agent = await createStaffMember(db, { role: 'agent', name: 'Closing Agent' });
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

/** Sends the request's email of this template through real SMTP and returns what arrived. */
async function deliveredMail(requestId: string, email: string, template: string) {
  const row = (await listOutboundEmails(db, { requestId })).find((candidate) => candidate.template === template);
  expect(row, `a ${template} email is queued`).toBeDefined();
  await deliverOutboundEmail(db, { outboundEmailId: row!.id });
  const [mail] = await inbox.waitFor(email);
  return mail!;
}

describe('[requester] is told what was done, in the words of their kind of request', () => {
  it.each<[RequestType, string, string, string]>([
    ['correction', 'correction-applied', 'We have corrected your data', 'has corrected the personal data you told us was wrong'],
    ['restriction', 'restriction-applied', 'We have restricted the use of your data', 'apart from storing it we use it only with your'],
    [
      'objection',
      'objection-upheld',
      'We have stopped using your data as you asked',
      'stopped using your personal data for the purpose you objected to',
    ],
  ])('a fulfilled %s request sends %s', async (type, template, subject, sentence) => {
    const { request, reference } = await submitVerifiedRequest(db, {
      input: aSubmission({ type, jurisdiction: 'eu_gdpr', details: 'My address is 12 St James’s Square, not 21.' }),
    });
    await fulfilRequest(db, { actor: agent, reference, version: request.version, message: 'Done in the shop and the CRM.', files: [] });
    const mail = await deliveredMail(request.id, request.email!, template);
    expect(mail.subject).toBe(`${subject} (${reference})`);
    expect(mail.text).toContain(sentence);
    expect(mail.text).toContain('Done in the shop and the CRM.');
  });

  it('a declined correction says the data is unchanged, offers the 250-word statement and, under Virginia law, the appeal', async () => {
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
    const mail = await deliveredMail(request.id, request.email!, 'correction-declined');
    expect(mail.subject).toBe(`We have not changed your data (${reference})`);
    expect(mail.text).toContain('the data is accurate');
    expect(mail.text).toContain('up to 250 words');
    expect(mail.text).toMatch(/You can appeal this decision until/);
  });

  it.each<[RequestType, string, string, string]>([
    [
      'correction',
      'correction-applied',
      'Wir haben Ihre Daten berichtigt',
      'hat die personenbezogenen Daten berichtigt, die Ihrer Mitteilung nach falsch waren.',
    ],
    [
      'restriction',
      'restriction-applied',
      'Wir haben die Verarbeitung Ihrer Daten eingeschränkt',
      'Wir informieren Sie, bevor wir die Einschränkung aufheben.',
    ],
    ['objection', 'objection-upheld', 'Wir verwenden Ihre Daten wie gewünscht nicht mehr', 'hat Ihrem Widerspruch stattgegeben'],
  ])(
    'a fulfilled %s request made in German sends %s in German, the agent’s message as written',
    async (type, template, subject, sentence) => {
      const { request, reference } = await submitVerifiedRequest(db, {
        input: aSubmission({ type, jurisdiction: 'eu_gdpr', language: 'de', details: 'Meine Adresse ist Hauptstraße 12, nicht 21.' }),
      });
      await fulfilRequest(db, { actor: agent, reference, version: request.version, message: 'Done in the shop and the CRM.', files: [] });
      const mail = await deliveredMail(request.id, request.email!, template);
      expect(mail.subject).toBe(`${subject} (${reference})`);
      expect(mail.text).toContain(sentence);
      expect(mail.text).toContain(`Aktenzeichen: ${reference}`);
      expect(mail.text).toContain('Done in the shop and the CRM.');
    },
  );

  it('a declined correction made in German is explained in German, with the appeal date written the German way', async () => {
    const { request, reference } = await submitVerifiedRequest(db, {
      input: aSubmission({ type: 'correction', jurisdiction: 'us_va_vcdpa', language: 'de', details: 'Mein Geburtsjahr ist 1990.' }),
    });
    await rejectRequest(db, {
      actor: agent,
      reference,
      version: request.version,
      basis: 'legal_exemption',
      message: 'The data is accurate.',
    });
    const mail = await deliveredMail(request.id, request.email!, 'correction-declined');
    expect(mail.subject).toBe(`Wir haben Ihre Daten nicht geändert (${reference})`);
    expect(mail.text).toContain('eine kurze schriftliche Stellungnahme (bis zu 250 Wörter)');
    expect(mail.text).toMatch(/Sie können bis zum \d{1,2}\. [A-Z][a-zä]+ \d{4} Widerspruch gegen diese Entscheidung einlegen/);
    expect(mail.text).toContain('The data is accurate.');
  });

  it('a deletion closed by hand still gets the general completion email', async () => {
    const { request, reference } = await submitVerifiedRequest(db, { input: aSubmission({ type: 'deletion', jurisdiction: 'eu_gdpr' }) });
    await fulfilRequest(db, { actor: agent, reference, version: request.version, message: 'Erased by hand.', files: [] });
    expect((await listOutboundEmails(db, { requestId: request.id })).map((row) => row.template)).toContain('request-fulfilled');
  });
});
