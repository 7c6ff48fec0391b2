import { eq } from 'drizzle-orm';
import type { RowDataPacket } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type DataSourceRow, dataSources, settings } from '@/db/schema';
import { VERIFICATION_SETTINGS_KEY } from '@/lib/settings/get-verification-level-settings';
import { updateVerificationLevels } from '@/lib/settings/update-verification-levels';
import type { TMysqlMap } from '@/lib/validation/data-source';
import type { DataPointKind } from '@/lib/validation/verification-levels';
import { ZWebhookVerifyJob } from '@/lib/validation/webhook';
import { createCrmSource, demoCrmMap, insertCrmContact, useDemoCrm } from '@/test/support/demo-crm';
import { useTestSources } from '@/test/support/demo-shop';
import { freePort } from '@/test/support/free-port';
import { independentHmacHex } from '@/test/support/independent-hmac';
import { getRequest, listEvents } from '@/test/support/requests';
import { useStaffTeam } from '@/test/support/staff';
import { useTestDatabase } from '@/test/support/test-database';
import { createVerifiedRequest } from '@/test/support/verified-request';
import { useWebhookHarness } from '@/test/support/webhook-harness';
import { createWebhookSource } from '@/test/support/webhook-sources';
import { submitDataPoints } from './submit-data-points';
import { listOfferedDataPoints } from './verification-sources';

const db = useTestDatabase();
const crm = useDemoCrm();
const sources = useTestSources(db);
const harness = useWebhookHarness(db);
const team = useStaffTeam(db);

// insertCrmContact stores every contact's phone as "+44 20 7946 0000"; the deal's id serves as an order number.
const CRM_PHONE = '020 7946 0000';
// What requesters type for the webhook's facts: long enough to be found in any text they leak into.
const POSTCODE = 'SW1A 1AA';
const WRONG_PHONE = '020 7946 9999';

/** The demo CRM's map, with contacts.phone and deals.id as verification columns. */
const crmMap: TMysqlMap = {
  ...demoCrmMap,
  tables: demoCrmMap.tables.map((table) =>
    table.table === 'contacts'
      ? { ...table, verification: { phone: 'phone' } }
      : table.table === 'deals'
        ? { ...table, verification: { order_number: 'id' } }
        : table,
  ),
};

let crmSource: DataSourceRow;
const logged: string[] = [];

beforeAll(async () => {
  crmSource = sources.track(await createCrmSource(db, { databaseUrl: crm.databaseUrl, map: crmMap }));
  await updateVerificationLevels(db, {
    actor: team.admin,
    jurisdiction: 'eu_gdpr',
    maxTries: 3,
    evidenceRetentionDays: 7,
    levels: { deletion: { level: 'data_points', dataPoints: 2 } },
  });
  // Every log line this file's use cases write, kept to check that no typed fact is among them.
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    const original = console[method].bind(console);
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      logged.push(args.map((arg) => (arg instanceof Error ? `${arg.message} ${arg.stack}` : String(arg))).join(' '));
      original(...args);
    });
  }
});

afterAll(async () => {
  vi.restoreAllMocks();
  await db.delete(settings).where(eq(settings.key, VERIFICATION_SETTINGS_KEY));
});

/** A confirmed deletion whose requester is a CRM contact (stored upper-cased), with the id of their deal. */
async function deletionFromCrmContact() {
  const verified = await createVerifiedRequest(db, { type: 'deletion' });
  const { contactId } = await insertCrmContact(crm.connection, { email: verified.input.email.toUpperCase(), fullName: 'Grace Hopper' });
  const [[deal]] = await crm.connection.query<RowDataPacket[]>('select id from deals where contact_id = ?', [contactId]);
  return { ...verified, dealId: String(deal!.id) };
}

/** A webhook source over this test's receiver that declares it checks `verifies`. */
async function verifyingWebhook(verifies: DataPointKind[], options: { timeoutSeconds?: number } = {}) {
  const { source, secret } = await createWebhookSource(db, { url: harness.receiver.url, ...options });
  const [updated] = await db
    .update(dataSources)
    .set({ config: { ...(source.config as object), verifies } as DataSourceRow['config'] })
    .where(eq(dataSources.id, source.id))
    .returning();
  harness.track(updated!);
  return { source: sources.track(updated!), secret };
}

function verifyJobsSent() {
  return harness.receiver.calls.map((call) => ZWebhookVerifyJob.parse(JSON.parse(call.rawBody)));
}

describe('[requester] verifies with data points held in a MariaDB source', () => {
  it('offers the MariaDB map’s facts, and a matching phone and order number verify; the typed values are in no event', async () => {
    await sources.enableOnly([crmSource]);
    expect(await listOfferedDataPoints(db)).toEqual(['phone', 'order_number']);
    const { request, statusToken, dealId } = await deletionFromCrmContact();

    const outcome = await submitDataPoints(db, { input: { token: statusToken, phone: CRM_PHONE, order_number: `#${dealId}` }, ip: null });

    expect(outcome).toEqual({ outcome: 'verified' });
    expect(await getRequest(db, { id: request.id })).toMatchObject({
      verificationReached: 'data_points',
      verificationDataPointsMatched: 2,
    });
    const events = await listEvents(db, { requestId: request.id });
    expect(events.find((event) => event.action === 'identity_verified')?.details).toMatchObject({
      given: ['phone', 'order_number'],
      matched: ['phone', 'order_number'],
    });
    expect(JSON.stringify(events)).not.toMatch(/7946/);
  });

  it('a phone the CRM does not hold for the person is a counted try, with the tries left', async () => {
    await sources.enableOnly([crmSource]);
    const { request, statusToken, dealId } = await deletionFromCrmContact();

    const outcome = await submitDataPoints(db, { input: { token: statusToken, phone: WRONG_PHONE, order_number: dealId }, ip: null });

    expect(outcome).toEqual({ outcome: 'no_match', triesLeft: 2 });
    expect((await getRequest(db, { id: request.id })).verificationFailedTries).toBe(1);
  });

  it('locks after the set number of MariaDB tries and sends the request to staff with the reason', async () => {
    await sources.enableOnly([crmSource]);
    const { request, statusToken, dealId } = await deletionFromCrmContact();
    const wrong = { token: statusToken, phone: WRONG_PHONE, order_number: dealId };

    expect(await submitDataPoints(db, { input: wrong, ip: null })).toEqual({ outcome: 'no_match', triesLeft: 2 });
    expect(await submitDataPoints(db, { input: wrong, ip: null })).toEqual({ outcome: 'no_match', triesLeft: 1 });
    expect(await submitDataPoints(db, { input: wrong, ip: null })).toEqual({ outcome: 'locked' });

    const locked = await getRequest(db, { id: request.id });
    expect(locked.verificationLockedAt).not.toBeNull();
    expect(locked.verificationFailureReason).toContain('did not match after 3 tries');
    const events = await listEvents(db, { requestId: request.id });
    expect(events.filter((event) => event.action === 'identity_check_failed')).toHaveLength(3);
    expect(JSON.stringify(events)).not.toMatch(/7946/);
  });

  it('a MariaDB source that cannot be reached does not count the try, and staff see which source and why', async () => {
    const down = sources.track(
      await createCrmSource(db, { databaseUrl: `mysql://root@127.0.0.1:${await freePort()}/crm`, map: crmMap, name: 'CRM (down)' }),
    );
    await sources.enableOnly([down]);
    const { request, statusToken, dealId } = await deletionFromCrmContact();

    await expect(
      submitDataPoints(db, { input: { token: statusToken, phone: CRM_PHONE, order_number: dealId }, ip: null }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });

    const after = await getRequest(db, { id: request.id });
    expect(after.verificationFailedTries).toBe(0);
    expect(after.verificationFailureReason).toMatch(/The shop could not be asked .*CRM \(down\): Could not be read/);
    expect((await listEvents(db, { requestId: request.id })).map((event) => event.action)).toContain('identity_check_unavailable');
  });
});

describe('[requester] verifies with facts a webhook source checks', () => {
  it('sends a signed verify job with the reference, the email and the typed facts; matches verify', async () => {
    const hook = await verifyingWebhook(['phone', 'postcode']);
    await sources.enableOnly([hook.source]);
    const { request, reference, statusToken, input } = await deletionFromCrmContact();
    harness.receiver.replyWith({ status: 200, body: { dataPoints: { phone: { match: true }, postcode: { match: true } } } });

    const outcome = await submitDataPoints(db, { input: { token: statusToken, phone: CRM_PHONE, postcode: POSTCODE }, ip: null });

    expect(outcome).toEqual({ outcome: 'verified' });
    expect(harness.receiver.calls).toHaveLength(1);
    const [call] = harness.receiver.calls;
    const timestamp = String(call!.headers['x-dsr-desk-timestamp']);
    expect(call!.headers['x-dsr-desk-signature']).toBe(`v1=${await independentHmacHex(hook.secret, `${timestamp}.${call!.rawBody}`)}`);
    expect(verifyJobsSent()[0]).toEqual({
      jobId: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      type: 'verify',
      dryRun: false,
      reference,
      subject: { email: input.email, accountIdentifier: input.accountIdentifier },
      dataPoints: { phone: { value: CRM_PHONE, normalised: '2079460000' }, postcode: { value: POSTCODE, normalised: 'SW1A1AA' } },
    });
    const events = await listEvents(db, { requestId: request.id });
    expect(events.find((event) => event.action === 'identity_verified')?.details).toMatchObject({
      matched: ['phone', 'postcode'],
      askedSystems: [hook.source.name],
    });
    expect(JSON.stringify(events)).not.toMatch(/7946|SW1A/i);
  });

  it('a fact the system says does not match is a counted try, as a database’s would be', async () => {
    const hook = await verifyingWebhook(['phone', 'postcode']);
    await sources.enableOnly([hook.source]);
    const { request, statusToken } = await deletionFromCrmContact();
    harness.receiver.replyWith({ status: 200, body: { dataPoints: { phone: { match: true }, postcode: { match: false } } } });

    const outcome = await submitDataPoints(db, { input: { token: statusToken, phone: CRM_PHONE, postcode: POSTCODE }, ip: null });

    expect(outcome).toEqual({ outcome: 'no_match', triesLeft: 2 });
    expect((await getRequest(db, { id: request.id })).verificationFailedTries).toBe(1);
    const failed = (await listEvents(db, { requestId: request.id })).find((event) => event.action === 'identity_check_failed');
    expect(failed?.details).toMatchObject({ given: ['phone', 'postcode'], matchedCount: 1, tries: 1 });
  });

  it('sends the webhook only the facts no database checks: the CRM matches the phone, the system the postcode', async () => {
    const hook = await verifyingWebhook(['phone', 'postcode']);
    await sources.enableOnly([crmSource, hook.source]);
    const { statusToken } = await deletionFromCrmContact();
    harness.receiver.replyWith({ status: 200, body: { dataPoints: { postcode: { match: true } } } });

    const outcome = await submitDataPoints(db, { input: { token: statusToken, phone: CRM_PHONE, postcode: POSTCODE }, ip: null });

    expect(outcome).toEqual({ outcome: 'verified' });
    expect(Object.keys(verifyJobsSent()[0]!.dataPoints)).toEqual(['postcode']);
  });

  it.each([
    ['answers HTTP 503, echoing what it was sent', { status: 503, body: `cannot check ${POSTCODE} for ${CRM_PHONE}` }, 'HTTP 503'],
    ['answers too late', { status: 200, body: { dataPoints: { phone: { match: true } } }, delayMs: 1500 }, 'No answer within 1 s'],
    ['answers without the postcode', { status: 200, body: { dataPoints: { phone: { match: true } } } }, 'whether postcode matched'],
  ])('a system that %s: the try is not counted, staff see the reason, the requester may try again', async (_, reply, error) => {
    const hook = await verifyingWebhook(['phone', 'postcode'], { timeoutSeconds: 1 });
    await sources.enableOnly([hook.source]);
    const { request, statusToken } = await deletionFromCrmContact();
    harness.receiver.replyWith(reply);

    await expect(
      submitDataPoints(db, { input: { token: statusToken, phone: CRM_PHONE, postcode: POSTCODE }, ip: null }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('This try was not counted') });

    const after = await getRequest(db, { id: request.id });
    expect(after.verificationFailedTries).toBe(0);
    expect(after.verificationLockedAt).toBeNull();
    expect(after.verificationFailureReason).toContain('The shop could not be asked');
    expect(after.verificationFailureReason).toContain(hook.source.name);
    expect(after.verificationFailureReason).toContain(error);
    expect(after.verificationFailureReason).not.toMatch(/7946|SW1A/i);
    const events = await listEvents(db, { requestId: request.id });
    expect(events.map((event) => event.action)).toContain('identity_check_unavailable');
    expect(events.map((event) => event.action)).not.toContain('identity_check_failed');
    expect(JSON.stringify(events)).not.toMatch(/7946|SW1A/i);

    // Once the system answers again, the next try counts as the first.
    harness.receiver.replyWith({ status: 200, body: { dataPoints: { phone: { match: true }, postcode: { match: true } } } });
    expect(await submitDataPoints(db, { input: { token: statusToken, phone: CRM_PHONE, postcode: POSTCODE }, ip: null })).toEqual({
      outcome: 'verified',
    });
    expect((await getRequest(db, { id: request.id })).verificationFailureReason).toBeNull();
  });
});

describe('the log', () => {
  it('holds none of the facts requesters typed', () => {
    expect(logged.join('\n')).not.toMatch(/7946|SW1A/i);
  });
});
