import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { requestEvents, settings } from '@/db/schema';
import { closeTransport } from '@/emails/transport';
import { env, resetEnvForTests } from '@/lib/env';
import { isAppError } from '@/lib/errors/app-error';
import { deliverOutboundEmail } from '@/lib/mail/deliver-outbound-email';
import { fileOnBehalf } from '@/lib/requests/file-on-behalf';
import { type TOrganisationSettings, ZOrganisationSettings } from '@/lib/validation/organisation-settings';
import { aSubmission, renamedOrganisation, uniqueEmail } from '@/test/support/fixtures';
import { listOutboundEmails, payloadProps } from '@/test/support/outbox';
import { listRequestsForEmail, submitUnverifiedRequest } from '@/test/support/requests';
import { type SmtpInbox, startSmtpInbox } from '@/test/support/smtp-inbox';
import { createStaffMember } from '@/test/support/staff';
import { useTestDatabase } from '@/test/support/test-database';
import { getMailSender } from './get-mail-sender';
import { getOrganisationSettings, ORGANISATION_SETTINGS_KEY } from './get-organisation-settings';
import { updateOrganisationSettings } from './update-organisation-settings';

const db = useTestDatabase();
const originalSmtpUrl = process.env.SMTP_URL;

const renamed: TOrganisationSettings = renamedOrganisation;

let inbox: SmtpInbox;

beforeAll(async () => {
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

describe('organisation settings before an admin saves them', () => {
  it('fall back to the environment: ORGANISATION_NAME, and mail from the organisation by name at MAIL_FROM’s address', async () => {
    await db.delete(settings).where(eq(settings.key, ORGANISATION_SETTINGS_KEY));

    expect((await getOrganisationSettings(db)).organisationName).toBe(env().ORGANISATION_NAME);
    expect((await getOrganisationSettings(db)).senderName).toBe(env().ORGANISATION_NAME);
    const address = /<([^>]+)>\s*$/.exec(env().MAIL_FROM)?.[1] ?? env().MAIL_FROM;
    expect(await getMailSender(db)).toEqual({ name: env().ORGANISATION_NAME, address });
  });
});

describe('[admin] saves the organisation settings', () => {
  it('records the change with the admin as actor, no request, and the values before and after', async () => {
    const admin = await createStaffMember(db, { role: 'admin' });
    const before = await getOrganisationSettings(db);

    await updateOrganisationSettings(db, { actor: admin, input: renamed });

    expect(await getOrganisationSettings(db)).toEqual(renamed);
    const [event] = await db
      .select()
      .from(requestEvents)
      .where(and(eq(requestEvents.action, 'settings_changed'), eq(requestEvents.actorId, admin.staffId)));
    expect(event).toMatchObject({ requestId: null, actorType: 'staff', details: { key: 'organisation', before, after: renamed } });
  });

  it('keeps audit records at least 24 months, and reads settings saved before that field existed as 24', async () => {
    const tooShort = ZOrganisationSettings.safeParse({ ...renamed, auditRetentionMonths: '23' });
    expect(tooShort.success ? [] : z.flattenError(tooShort.error).fieldErrors.auditRetentionMonths).toEqual([
      'At least 24 months (CCPA keeps request records for 24 months)',
    ]);

    const { auditRetentionMonths: _, ...savedBeforeTheField } = renamed;
    await db.update(settings).set({ value: savedBeforeTheField }).where(eq(settings.key, ORGANISATION_SETTINGS_KEY));
    expect(await getOrganisationSettings(db)).toEqual({ ...renamed, auditRetentionMonths: 24 });
    await db.update(settings).set({ value: renamed }).where(eq(settings.key, ORGANISATION_SETTINGS_KEY));
  });

  it('keeps personal data of closed requests 30 to 3,650 days, and reads settings saved before that field existed as 365', async () => {
    const errorsFor = (value: string) => {
      const parsed = ZOrganisationSettings.safeParse({ ...renamed, personalDataRetentionDays: value });
      return parsed.success ? [] : z.flattenError(parsed.error).fieldErrors.personalDataRetentionDays;
    };
    expect(errorsFor('29')).toEqual(['At least 30 days']);
    expect(errorsFor('3651')).toEqual(['At most 3,650 days (10 years)']);
    expect(errorsFor('45.5')).toEqual(['Enter a whole number of days']);
    expect(errorsFor('30')).toEqual([]);

    const { personalDataRetentionDays: _, ...savedBeforeTheField } = renamed;
    await db.update(settings).set({ value: savedBeforeTheField }).where(eq(settings.key, ORGANISATION_SETTINGS_KEY));
    expect(await getOrganisationSettings(db)).toEqual({ ...renamed, personalDataRetentionDays: 365 });
    await db.update(settings).set({ value: renamed }).where(eq(settings.key, ORGANISATION_SETTINGS_KEY));
  });

  it('an agent may not change them (FORBIDDEN) and nothing changes', async () => {
    const agent = await createStaffMember(db, { role: 'agent' });
    const error = await updateOrganisationSettings(db, { actor: agent, input: { ...renamed, organisationName: 'Hijacked Ltd' } }).catch(
      (caught: unknown) => caught,
    );
    expect(isAppError(error, 'FORBIDDEN')).toBe(true);
    expect((await getOrganisationSettings(db)).organisationName).toBe(renamed.organisationName);
  });

  it('[requester] the acknowledgement of a request filed on their behalf comes from the saved sender and names the organisation', async () => {
    const admin = await createStaffMember(db, { role: 'admin' });
    await updateOrganisationSettings(db, { actor: admin, input: renamed });
    const agent = await createStaffMember(db, { role: 'agent' });
    const email = uniqueEmail('phoned-in');

    const { reference } = await fileOnBehalf(db, {
      actor: agent,
      input: {
        type: 'access',
        email,
        fullName: 'Grace Hopper',
        jurisdiction: 'uk_gdpr',
        intakeChannel: 'phone',
        identityCheck: 'Called back on the number held on the account and confirmed the last order.',
        receivedOn: new Date().toISOString().slice(0, 10),
      },
    });
    const [request] = await listRequestsForEmail(db, { email });
    const [acknowledgement] = (await listOutboundEmails(db, { requestId: request!.id })).filter(
      (row) => row.template === 'acknowledgement',
    );

    await deliverOutboundEmail(db, { outboundEmailId: acknowledgement!.id });

    const [mail] = await inbox.waitFor(email);
    expect(mail!.from?.value).toEqual([{ name: renamed.senderName, address: renamed.senderEmail }]);
    expect(mail!.text).toContain(`${renamed.organisationName} has started working on it`);
    expect(mail!.text).toContain(reference);
    expect(mail!.text).toMatch(/http:\/\/localhost:3999\/status\/[A-Za-z0-9_-]{43}/);
  });

  it('[requester] the verification email of a request filed on the web names the saved organisation', async () => {
    const { request } = await submitUnverifiedRequest(db, { input: aSubmission() });
    const [verification] = await listOutboundEmails(db, { requestId: request.id });
    expect(payloadProps(verification!).organisationName).toBe(renamed.organisationName);
  });
});
