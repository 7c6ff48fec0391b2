import { performance } from 'node:perf_hooks';
import { eq, sql } from 'drizzle-orm';
import postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import { intakeRateCounters, outboundEmails, settings } from '@/db/schema';
import { env } from '@/lib/env';
import { ORGANISATION_SETTINGS_KEY } from '@/lib/settings/get-organisation-settings';
import { isAppError } from '@/lib/errors/app-error';
import { hashEmail } from '@/lib/security/keyed-hash';
import { hashToken } from '@/lib/security/tokens';
import type { TSubmitRequest } from '@/lib/validation/submit-request';
import { findVerificationLink } from '@/lib/verification/find-verification-link';
import { useEnvOverrides } from '@/test/support/env-overrides';
import { eventually, sleep } from '@/test/support/eventually';
import { runQueuedJobs } from '@/test/support/job-worker';
import { aSubmission, renamedOrganisation, uniqueIp } from '@/test/support/fixtures';
import { findEmailJob, latestVerificationToken, listOutboundEmails, payloadProps, tokenFromUrl } from '@/test/support/outbox';
import {
  getRequest,
  listEvents,
  listRequestsForEmail,
  listTokens,
  submitUnverifiedRequest,
  submitVerifiedRequest,
} from '@/test/support/requests';
import { useTestDatabase } from '@/test/support/test-database';
import { getRequestStatus } from './get-request-status';
import { submitRequest } from './submit-request';

const db = useTestDatabase();
const setEnv = useEnvOverrides();
const DAY = 24 * 60 * 60 * 1000;

async function countIntakeAttemptsFor(email: string): Promise<number> {
  const rows = await db
    .select()
    .from(intakeRateCounters)
    .where(eq(intakeRateCounters.key, `email:${hashEmail(email)}`));
  return rows.reduce((total, row) => total + row.attempts, 0);
}

async function countEmailsTo(email: string): Promise<number> {
  return (await db.select().from(outboundEmails).where(eq(outboundEmails.recipient, email))).length;
}

async function countJobs(): Promise<number> {
  const [row] = await db.execute<{ total: number }>(sql`select count(*)::int as total from graphile_worker.jobs`);
  return row!.total;
}

describe('[requester] files a new request', () => {
  it('creates it unverified, keeping the personal data and the day it was received, expiring in 7 days', async () => {
    const now = new Date('2026-11-25T09:30:00.000Z');
    const input = aSubmission({ type: 'deletion', jurisdiction: 'uk_gdpr' });

    const outcome = await submitRequest(db, { input, channel: 'api', ip: uniqueIp(), now });

    expect(outcome).toBe('created');
    const [request, ...others] = await listRequestsForEmail(db, { email: input.email });
    expect(others).toHaveLength(0);
    expect(request).toMatchObject({
      type: 'deletion',
      status: 'unverified',
      channel: 'api',
      jurisdiction: 'uk_gdpr',
      email: input.email,
      emailHash: hashEmail(input.email),
      fullName: 'Ada Lovelace',
      accountIdentifier: 'customer-4711',
      details: 'Please include my order history.',
      receivedOn: '2026-11-25',
      reference: null,
      dueOn: null,
      verifiedAt: null,
    });
    expect(request!.receivedAt.getTime()).toBe(now.getTime());
    expect(request!.unverifiedExpiresAt?.getTime()).toBe(now.getTime() + 7 * DAY);
  });

  it('records a requester-visible "submitted" event with the IP and without the address or name', async () => {
    const ip = uniqueIp();
    const { request, input } = await submitUnverifiedRequest(db, { ip });

    const events = await listEvents(db, { requestId: request.id });

    expect(events.map((event) => event.action)).toEqual(['submitted']);
    expect(events[0]).toMatchObject({
      actorType: 'requester',
      ip,
      isVisibleToRequester: true,
      details: { channel: 'web', type: 'access', jurisdiction: 'eu_gdpr' },
    });
    expect(JSON.stringify(events[0]!.details)).not.toContain(input.email);
    expect(JSON.stringify(events[0]!.details)).not.toContain(input.fullName);
  });

  it('queues exactly one verification email, with a 24-hour link, and one deliver-email job for it', async () => {
    const now = new Date();
    const { request, input } = await submitUnverifiedRequest(db, { now });

    const emails = await listOutboundEmails(db, { requestId: request.id });
    expect(emails).toHaveLength(1);
    const [email] = emails;
    expect(email).toMatchObject({ template: 'verification', recipient: input.email, status: 'pending', attempts: 0, sentAt: null });
    const verifyUrl = String(payloadProps(email!).verifyUrl);
    expect(verifyUrl).toMatch(/^http:\/\/localhost:3999\/verify\/[A-Za-z0-9_-]{43}$/);

    const [token, ...otherTokens] = await listTokens(db, { requestId: request.id, purpose: 'verification' });
    expect(otherTokens).toHaveLength(0);
    expect(token!.tokenHash).toBe(hashToken(tokenFromUrl(verifyUrl)));
    expect(token!.expiresAt?.getTime()).toBe(now.getTime() + DAY);

    const job = await findEmailJob(db, { outboundEmailId: email!.id });
    expect(job).toMatchObject({ task_identifier: 'deliver-email', attempts: 0, last_error: null });
  });

  it('writes the request, event, token, outbox row, job and rate-limit attempts in one transaction', async () => {
    const { request, input } = await submitUnverifiedRequest(db);
    const [email] = await listOutboundEmails(db, { requestId: request.id });

    // Rows inserted by one transaction share its id in xmin (none of these rows has been updated since).
    const rows = await db.execute<{ source: string; xmin: string }>(sql`
      select 'request' as source, xmin::text from requests where id = ${request.id}
      union all select 'event', xmin::text from request_events where request_id = ${request.id}
      union all select 'token', xmin::text from request_tokens where request_id = ${request.id}
      union all select 'email', xmin::text from outbound_emails where id = ${email!.id}
      union all select 'job', xmin::text from graphile_worker._private_jobs where key = ${`email:${email!.id}`}
      union all select 'attempt', xmin::text from intake_rate_counters where key = ${`email:${hashEmail(input.email)}`}
    `);

    expect(rows.map((row) => row.source).sort()).toEqual(['attempt', 'email', 'event', 'job', 'request', 'token']);
    expect(new Set(rows.map((row) => row.xmin)).size).toBe(1);
  });
});

describe('[requester] files a new request in one statement', () => {
  it('is emailed in the name an admin saved on the settings page, or the default until one is saved', async () => {
    const before = await submitUnverifiedRequest(db);
    expect(payloadProps((await listOutboundEmails(db, { requestId: before.request.id }))[0]!)).toMatchObject({
      organisationName: env().ORGANISATION_NAME,
    });

    await db.insert(settings).values({ key: ORGANISATION_SETTINGS_KEY, value: renamedOrganisation });
    try {
      const after = await submitUnverifiedRequest(db);
      expect(payloadProps((await listOutboundEmails(db, { requestId: after.request.id }))[0]!)).toMatchObject({
        organisationName: renamedOrganisation.organisationName,
      });
    } finally {
      await db.delete(settings).where(eq(settings.key, ORGANISATION_SETTINGS_KEY));
    }
  });

  it('wakes the workers after its commit, for a new request and for a repeat alike (their jobs are queued without a notification)', async () => {
    // The first job of each task in a database goes through add_job, which notifies on its own: queue one of each first.
    const warmUp = aSubmission();
    for (let round = 0; round < 2; round++) await submitRequest(db, { input: warmUp, channel: 'web', ip: uniqueIp() });
    const listener = postgres(env().DATABASE_URL, { max: 1, onnotice: () => {} });
    try {
      const counts: number[] = [];
      await sleep(100); // the warm-up's own wakes
      await listener.listen('jobs:insert', (payload) => counts.push((JSON.parse(payload) as { count: number }).count));
      const input = aSubmission();
      const first = await submitRequest(db, { input, channel: 'web', ip: uniqueIp() });
      expect(first).toBe('created');
      await eventually('the wake for the new request', async () => counts.length === 1);
      const repeat = await submitRequest(db, { input, channel: 'web', ip: uniqueIp() });
      expect(repeat).toBe('merge-queued');
      await eventually('the wake for the merge job', async () => counts.length === 2);
      await sleep(100);
      expect(counts).toEqual([1, 1]);
      expect(await runQueuedJobs(db, 'merge-duplicate-submission')).toBe(2); // the warm-up's and this one's
    } finally {
      await listener.end({ timeout: 1 });
    }
  });

  it("in the requester's language, with the email's template and Message-ID as the outbox gives every email", async () => {
    const { request } = await submitUnverifiedRequest(db, { input: aSubmission({ language: 'fr' }) });

    const [email] = await listOutboundEmails(db, { requestId: request.id });
    expect(email).toMatchObject({ template: 'verification', messageId: `<${email!.id}@dsr-desk>` });
    expect(email!.payload).toMatchObject({ template: 'verification', locale: 'fr' });
  });
});

describe('[bot] fills the hidden honeypot field', () => {
  it('is told nothing and nothing is written, not even a rate-limit attempt', async () => {
    const input = aSubmission({ website: 'https://spam.example' });
    const jobsBefore = await countJobs();

    const outcome = await submitRequest(db, { input, channel: 'web', ip: uniqueIp() });

    expect(outcome).toBe('ignored');
    expect(await listRequestsForEmail(db, { email: input.email })).toHaveLength(0);
    expect(await countIntakeAttemptsFor(input.email)).toBe(0);
    expect(await countEmailsTo(input.email)).toBe(0);
    expect(await countJobs()).toBe(jobsBefore);
  });
});

describe('[requester] files the same request twice', () => {
  it('while unverified and the first email is not delivered yet, gets that same email (one live link), even typed in other case and with spaces', async () => {
    const { request, verificationToken: firstToken, input } = await submitUnverifiedRequest(db);

    const outcome = await submitRequest(db, {
      input: { ...input, email: `  ${input.email.toUpperCase()} ` },
      channel: 'web',
      ip: uniqueIp(),
    });

    // A repeat is answered like a new address, in one statement; the worker resends the link.
    expect(outcome).toBe('merge-queued');
    expect(await runQueuedJobs(db, 'merge-duplicate-submission')).toBe(1);
    expect(await listRequestsForEmail(db, { email: input.email })).toHaveLength(1);
    const tokens = await listTokens(db, { requestId: request.id, purpose: 'verification' });
    expect(tokens).toHaveLength(1);
    expect(await findVerificationLink(db, { token: firstToken })).toMatchObject({ isValid: true, request: { id: request.id } });
    const emails = await listOutboundEmails(db, { requestId: request.id });
    expect(emails.map((email) => [email.template, email.status, email.recipient])).toEqual([['verification', 'pending', input.email]]);
    const events = await listEvents(db, { requestId: request.id });
    expect(events.map((event) => [event.action, event.isVisibleToRequester])).toEqual([
      ['submitted', true],
      ['verification_link_resent', false],
    ]);
  });

  it('while unverified and the first email was delivered, gets a fresh link and the first stops working', async () => {
    const { request, verificationToken: firstToken, input } = await submitUnverifiedRequest(db);
    const [first] = await listOutboundEmails(db, { requestId: request.id });
    // As the worker leaves a delivered row.
    await db
      .update(outboundEmails)
      .set({ status: 'sent', sentAt: new Date(), recipient: null, payload: null })
      .where(eq(outboundEmails.id, first!.id));

    expect(await submitRequest(db, { input, channel: 'web', ip: uniqueIp() })).toBe('merge-queued');
    await runQueuedJobs(db, 'merge-duplicate-submission');

    const secondToken = await latestVerificationToken(db, { requestId: request.id });
    expect(secondToken).not.toBe(firstToken);
    expect(await findVerificationLink(db, { token: firstToken })).toEqual({ isValid: false, problem: 'expired' });
    expect(await findVerificationLink(db, { token: secondToken })).toMatchObject({ isValid: true, request: { id: request.id } });
    expect((await listOutboundEmails(db, { requestId: request.id })).map((email) => email.status)).toEqual(['sent', 'pending']);
  });

  it('filed again four times at once (the daily limit), has exactly one live link, in the one email still to be delivered', async () => {
    const { request, input } = await submitUnverifiedRequest(db);

    await Promise.all(Array.from({ length: 4 }, () => submitRequest(db, { input, channel: 'web', ip: uniqueIp() })));
    // Four merge jobs, run at once as a worker would.
    expect(await runQueuedJobs(db, 'merge-duplicate-submission')).toBe(4);

    const live = (await listTokens(db, { requestId: request.id, purpose: 'verification' })).filter((token) => !token.revokedAt);
    const pending = (await listOutboundEmails(db, { requestId: request.id })).filter((email) => email.status === 'pending');
    expect(live).toHaveLength(1);
    expect(pending).toHaveLength(1);
    expect(hashToken(tokenFromUrl(String(payloadProps(pending[0]!).verifyUrl)))).toBe(live[0]!.tokenHash);
  });

  it('after confirming, is sent a new private status link instead of a second request', async () => {
    const { request, reference, statusToken: firstStatusToken, input } = await submitVerifiedRequest(db);

    const outcome = await submitRequest(db, { input: { ...input, email: input.email.toUpperCase() }, channel: 'web', ip: uniqueIp() });

    expect(outcome).toBe('merge-queued');
    await runQueuedJobs(db, 'merge-duplicate-submission');
    expect(await listRequestsForEmail(db, { email: input.email })).toHaveLength(1);
    const emails = await listOutboundEmails(db, { requestId: request.id });
    expect(emails.map((email) => email.template)).toEqual(['verification', 'acknowledgement', 'status-link']);
    const statusLink = emails[2]!;
    expect(statusLink.recipient?.toLowerCase()).toBe(input.email.toLowerCase());
    expect(payloadProps(statusLink)).toMatchObject({ reference });
    expect(await findEmailJob(db, { outboundEmailId: statusLink.id })).toMatchObject({ task_identifier: 'deliver-email' });

    const newStatusToken = tokenFromUrl(String(payloadProps(statusLink).statusUrl));
    expect(newStatusToken).not.toBe(firstStatusToken);
    expect(await listTokens(db, { requestId: request.id, purpose: 'status' })).toHaveLength(2);
    expect(await getRequestStatus(db, { token: newStatusToken })).toMatchObject({ reference, status: 'new' });
    expect(await getRequestStatus(db, { token: firstStatusToken })).toMatchObject({ reference, status: 'new' });
  });

  it('of a different type, gets a second request', async () => {
    const { input } = await submitUnverifiedRequest(db);

    const outcome = await submitRequest(db, { input: { ...input, type: 'deletion' }, channel: 'web', ip: uniqueIp() });

    expect(outcome).toBe('created');
    const rows = await listRequestsForEmail(db, { email: input.email });
    expect(rows.map((row) => [row.type, row.status])).toEqual([
      ['access', 'unverified'],
      ['deletion', 'unverified'],
    ]);
  });
});

describe('submitting does not reveal whether an address has filed before', () => {
  it('a new address and a repeat both succeed and queue exactly one verification email that differs only in its link', async () => {
    const newInput = aSubmission();
    const { request: existing, input: repeatInput } = await submitUnverifiedRequest(db);
    const existingEmailsBefore = await listOutboundEmails(db, { requestId: existing.id });
    // Delivered, so the repeat issues a fresh link (an undelivered one would be re-sent as it is).
    await db.update(outboundEmails).set({ status: 'sent' }).where(eq(outboundEmails.requestId, existing.id));

    await expect(submitRequest(db, { input: newInput, channel: 'web', ip: uniqueIp() })).resolves.toBeTypeOf('string');
    await expect(submitRequest(db, { input: repeatInput, channel: 'web', ip: uniqueIp() })).resolves.toBeTypeOf('string');
    await runQueuedJobs(db, 'merge-duplicate-submission');

    const [created] = await listRequestsForEmail(db, { email: newInput.email });
    const newEmails = await listOutboundEmails(db, { requestId: created!.id });
    const repeatEmails = (await listOutboundEmails(db, { requestId: existing.id })).slice(existingEmailsBefore.length);
    expect(newEmails).toHaveLength(1);
    expect(repeatEmails).toHaveLength(1);
    const withoutLink = (props: Record<string, unknown>) => ({ ...props, verifyUrl: String(props.verifyUrl).replace(/[^/]+$/, '<token>') });
    expect(withoutLink(payloadProps(repeatEmails[0]!))).toEqual(withoutLink(payloadProps(newEmails[0]!)));
    expect(repeatEmails[0]!.template).toBe(newEmails[0]!.template);
  });

  it('a new address and a repeat submission are in the same timing class', async () => {
    const rounds = 15;
    const repeats: TSubmitRequest[] = [];
    for (let index = 0; index < rounds; index += 1) repeats.push((await submitUnverifiedRequest(db)).input);
    await submitRequest(db, { input: aSubmission(), channel: 'web', ip: uniqueIp() }); // warm-up

    const newTimes: number[] = [];
    const repeatTimes: number[] = [];
    const time = async (input: TSubmitRequest) => {
      const started = performance.now();
      await submitRequest(db, { input, channel: 'web', ip: uniqueIp() });
      return performance.now() - started;
    };
    // Interleaved so a slow moment of the machine lands on both sides.
    for (let index = 0; index < rounds; index += 1) {
      newTimes.push(await time(aSubmission()));
      repeatTimes.push(await time(repeats[index]!));
    }

    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const [newMedian, repeatMedian] = [median(newTimes), median(repeatTimes)];
    expect(newMedian).toBeLessThanOrEqual(3 * repeatMedian + 20);
    expect(repeatMedian).toBeLessThanOrEqual(3 * newMedian + 20);
  });
});

describe('a submission that fails part-way', () => {
  it('leaves no rows behind: no request, email, job or rate-limit attempt', async () => {
    // An unknown region passes the type system only by cast; the database's foreign key refuses it
    // after the rate-limit attempt was already inserted, so the whole transaction must roll back.
    const input = aSubmission({ jurisdiction: 'atlantis' as TSubmitRequest['jurisdiction'] });
    const jobsBefore = await countJobs();

    await expect(submitRequest(db, { input, channel: 'web', ip: uniqueIp() })).rejects.toThrow();

    expect(await listRequestsForEmail(db, { email: input.email })).toHaveLength(0);
    expect(await countIntakeAttemptsFor(input.email)).toBe(0);
    expect(await countEmailsTo(input.email)).toBe(0);
    expect(await countJobs()).toBe(jobsBefore);
  });

  it('whose client left before the commit (an aborted HTTP request) writes nothing: no request, email, job or attempt', async () => {
    const input = aSubmission();
    const jobsBefore = await countJobs();
    const clientGone = new AbortController();
    clientGone.abort();

    await expect(submitRequest(db, { input, channel: 'api', ip: uniqueIp(), signal: clientGone.signal })).rejects.toSatisfy(
      (error) => error instanceof Error && error.name === 'AbortError',
    );

    expect(await listRequestsForEmail(db, { email: input.email })).toHaveLength(0);
    expect(await countIntakeAttemptsFor(input.email)).toBe(0);
    expect(await countEmailsTo(input.email)).toBe(0);
    expect(await countJobs()).toBe(jobsBefore);
  });

  it('refused by the rate limit writes nothing for that attempt', async () => {
    setEnv({ RATE_LIMIT_PER_EMAIL_PER_DAY: '1' });
    const { request, input } = await submitUnverifiedRequest(db);
    const jobsBefore = await countJobs();

    const attempt = submitRequest(db, { input: { ...input, type: 'export' }, channel: 'web', ip: uniqueIp() });

    await expect(attempt).rejects.toSatisfy((error) => isAppError(error, 'RATE_LIMITED'));
    expect(await listRequestsForEmail(db, { email: input.email })).toEqual([await getRequest(db, { id: request.id })]);
    expect(await countIntakeAttemptsFor(input.email)).toBe(1);
    expect(await countEmailsTo(input.email)).toBe(1);
    expect(await countJobs()).toBe(jobsBefore);
  });
});
