import { performance } from 'node:perf_hooks';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { outboundEmails, requests } from '@/db/schema';
import { hashEmail } from '@/lib/security/keyed-hash';
import { hashToken } from '@/lib/security/tokens';
import { ZFindRequest } from '@/lib/validation/find-request';
import { aSubmission, uniqueEmail, uniqueIp } from '@/test/support/fixtures';
import { listOutboundEmails, payloadProps, tokenFromUrl } from '@/test/support/outbox';
import { listEvents, listTokens, submitUnverifiedRequest, submitVerifiedRequest } from '@/test/support/requests';
import { useTestDatabase } from '@/test/support/test-database';
import { findRequestByStatusToken } from './find-request-by-status-token';
import { requestStatusLinks } from './request-status-links';
import { RECENTLY_CLOSED_DAYS, sendStatusLinks } from './send-status-links';

const db = useTestDatabase();
const DAY = 24 * 60 * 60 * 1000;
let jobs = 0;
/** A graphile-worker job id as the worker passes it: unique per job. */
const aJobId = () => `find-request-test-${++jobs}`;

async function statusLinkEmailsTo(email: string) {
  return db
    .select()
    .from(outboundEmails)
    .where(sql`${outboundEmails.recipient} = ${email} and ${outboundEmails.template} = 'status-links'`);
}

async function findJobsFor(emailHash: string) {
  return db.execute<{ task_identifier: string; key: string }>(
    sql`select task_identifier, key from graphile_worker.jobs where task_identifier = 'send-status-links' and key = ${`status-links:${emailHash}`}`,
  );
}

describe('[requester] finds their requests by email', () => {
  it('gets one email with a new, working status link for each open and recently closed request, and nothing else', async () => {
    const email = uniqueEmail('finder');
    const now = new Date();
    const access = await submitVerifiedRequest(db, { input: aSubmission({ email, type: 'access' }) });
    const deletion = await submitVerifiedRequest(db, { input: aSubmission({ email, type: 'deletion' }) });
    // Closed within the window, and closed long ago: only the first is listed.
    await db
      .update(requests)
      .set({ status: 'rejected', closedAt: new Date(now.getTime() - 5 * DAY) })
      .where(eq(requests.id, deletion.request.id));
    const old = await submitVerifiedRequest(db, { input: aSubmission({ email, type: 'export' }) });
    await db
      .update(requests)
      .set({ status: 'fulfilled', closedAt: new Date(now.getTime() - (RECENTLY_CLOSED_DAYS + 1) * DAY) })
      .where(eq(requests.id, old.request.id));

    const found = await sendStatusLinks(db, { emailHash: hashEmail(email), reference: null, ip: uniqueIp(), jobId: aJobId(), now });

    expect(found).toBe(2);
    const [message, ...more] = await statusLinkEmailsTo(email);
    expect(more).toHaveLength(0);
    const listed = payloadProps(message!).requests as { reference: string; statusLabel: string; statusUrl: string }[];
    expect(listed.map((entry) => entry.reference).sort()).toEqual([access.reference, deletion.reference].sort());
    expect(listed.find((entry) => entry.reference === deletion.reference)?.statusLabel).toBe('Declined');
    for (const entry of listed) {
      const request = await findRequestByStatusToken(db, { token: tokenFromUrl(entry.statusUrl) });
      expect(request?.reference).toBe(entry.reference);
    }
    // The earlier status link still works: finding adds a link, it does not revoke.
    expect(await findRequestByStatusToken(db, { token: access.statusToken })).not.toBeNull();
    expect((await listEvents(db, { requestId: access.request.id })).map((event) => event.action)).toContain('status_link_resent');
    expect((await listEvents(db, { requestId: old.request.id })).map((event) => event.action)).not.toContain('status_link_resent');
  });

  it('sends one email when the same job runs again (the worker died after its commit, before the job was marked done)', async () => {
    const email = uniqueEmail('finder');
    const { request } = await submitVerifiedRequest(db, { input: aSubmission({ email }) });
    const job = { emailHash: hashEmail(email), reference: null, ip: uniqueIp(), jobId: aJobId() };

    await Promise.all([sendStatusLinks(db, job), sendStatusLinks(db, job)]);
    expect(await sendStatusLinks(db, job)).toBe(1);

    expect(await statusLinkEmailsTo(email)).toHaveLength(1);
    const resent = (await listEvents(db, { requestId: request.id })).filter((event) => event.action === 'status_link_resent');
    expect(resent).toEqual([expect.objectContaining({ details: { reason: 'find_request', jobId: job.jobId } })]);
    // Another job (the requester asked again) sends again.
    await sendStatusLinks(db, { ...job, jobId: aJobId() });
    expect(await statusLinkEmailsTo(email)).toHaveLength(2);
  });

  it('narrows to one reference when given', async () => {
    const email = uniqueEmail('finder');
    const first = await submitVerifiedRequest(db, { input: aSubmission({ email, type: 'access' }) });
    await submitVerifiedRequest(db, { input: aSubmission({ email, type: 'deletion' }) });

    await sendStatusLinks(db, { emailHash: hashEmail(email), reference: first.reference, ip: uniqueIp(), jobId: aJobId() });

    const [message] = await statusLinkEmailsTo(email);
    expect((payloadProps(message!).requests as { reference: string }[]).map((entry) => entry.reference)).toEqual([first.reference]);
  });

  it('sends a request still waiting for confirmation its confirmation link again, never a status link', async () => {
    const { request, verificationToken, input } = await submitUnverifiedRequest(db);
    // As if the first email had gone out: a fresh link replaces it, and the old one stops working.
    await db
      .update(outboundEmails)
      .set({ status: 'sent', sentAt: new Date(), recipient: null, payload: null })
      .where(eq(outboundEmails.requestId, request.id));

    await sendStatusLinks(db, { emailHash: hashEmail(input.email), reference: null, ip: uniqueIp(), jobId: aJobId() });

    const emails = await listOutboundEmails(db, { requestId: request.id });
    expect(emails.map((row) => row.template)).toEqual(['verification', 'verification']);
    const tokens = await listTokens(db, { requestId: request.id, purpose: 'verification' });
    const oldToken = tokens.find((token) => token.tokenHash === hashToken(verificationToken));
    expect(oldToken?.revokedAt).not.toBeNull();
    expect(await statusLinkEmailsTo(input.email)).toHaveLength(0);
  });

  it('while the first confirmation email is still undelivered, sends that same email rather than a second link (one live link)', async () => {
    const { request, verificationToken, input } = await submitUnverifiedRequest(db);

    await sendStatusLinks(db, { emailHash: hashEmail(input.email), reference: null, ip: uniqueIp(), jobId: aJobId() });

    expect((await listOutboundEmails(db, { requestId: request.id })).map((row) => row.template)).toEqual(['verification']);
    const [token, ...others] = await listTokens(db, { requestId: request.id, purpose: 'verification' });
    expect(others).toHaveLength(0);
    expect(token).toMatchObject({ tokenHash: hashToken(verificationToken), revokedAt: null });
  });

  it('sends nothing for an address with no requests', async () => {
    const email = uniqueEmail('nobody');
    expect(await sendStatusLinks(db, { emailHash: hashEmail(email), reference: null, ip: uniqueIp(), jobId: aJobId() })).toBe(0);
    expect(await statusLinkEmailsTo(email)).toHaveLength(0);
  });
});

describe('[anyone] asks to find requests', () => {
  it('does the same work for a known and an unknown address: one attempt counted and one job keyed by the hash, no address stored', async () => {
    const known = (await submitVerifiedRequest(db)).input.email;
    const unknown = uniqueEmail('unknown');

    for (const email of [known, unknown]) {
      await requestStatusLinks(db, { input: ZFindRequest.parse({ email }), ip: uniqueIp() });
      const jobs = await findJobsFor(hashEmail(email));
      expect(jobs).toHaveLength(1);
      expect(jobs[0]!.key).not.toContain(email);
    }
  });

  it('a known and an unknown address are in the same timing class', async () => {
    const rounds = 15;
    const knownAddresses: string[] = [];
    for (let index = 0; index < rounds; index += 1) knownAddresses.push((await submitVerifiedRequest(db)).input.email);
    await requestStatusLinks(db, { input: { email: uniqueEmail() }, ip: uniqueIp() }); // warm-up

    const time = async (email: string) => {
      const started = performance.now();
      await requestStatusLinks(db, { input: { email }, ip: uniqueIp() });
      return performance.now() - started;
    };
    const knownTimes: number[] = [];
    const unknownTimes: number[] = [];
    // Interleaved so a slow moment of the machine lands on both sides.
    for (let index = 0; index < rounds; index += 1) {
      knownTimes.push(await time(knownAddresses[index]!));
      unknownTimes.push(await time(uniqueEmail('unknown')));
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    expect(median(knownTimes)).toBeLessThanOrEqual(3 * median(unknownTimes) + 20);
    expect(median(unknownTimes)).toBeLessThanOrEqual(3 * median(knownTimes) + 20);
  });

  it('counts against the intake rate limit of the address', async () => {
    const email = uniqueEmail('limited');
    const attempts = async () => requestStatusLinks(db, { input: { email }, ip: uniqueIp() });
    for (let index = 0; index < 5; index += 1) await attempts();
    await expect(attempts()).rejects.toMatchObject({ code: 'RATE_LIMITED' });
  });

  it('refuses a malformed reference with a field error', () => {
    const parsed = ZFindRequest.safeParse({ email: uniqueEmail(), reference: 'my request' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['reference']);
    expect(ZFindRequest.parse({ email: 'a@example.test', reference: ' dsr-2026-000123 ' }).reference).toBe('DSR-2026-000123');
    expect(ZFindRequest.parse({ email: 'a@example.test', reference: '' }).reference).toBeUndefined();
  });
});
