import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Runner } from 'graphile-worker';
import { outboundEmails } from '@/db/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeTransport } from '@/emails/transport';
import { env, resetEnvForTests } from '@/lib/env';
import { purgeExpiredRequests } from '@/lib/requests/purge-expired-requests';
import { ZSubmitRequest } from '@/lib/validation/submit-request';
import { findVerificationLink } from '@/lib/verification/find-verification-link';
import { eventually } from '@/test/support/eventually';
import { freePort } from '@/test/support/free-port';
import { discardQueuedJobs, startJobWorker } from '@/test/support/job-worker';
import { findEmailJob, getOutboundEmail, listOutboundEmails } from '@/test/support/outbox';
import { submitUnverifiedRequest } from '@/test/support/requests';
import { closeSharedDatabase } from '@/test/support/shared-database';
import { type SmtpInbox, startSmtpInbox } from '@/test/support/smtp-inbox';
import { useTestDatabase } from '@/test/support/test-database';
import { SENDING_LEASE_MS } from './claim-outbound-email';
import { deliverOutboundEmail } from './deliver-outbound-email';

const db = useTestDatabase();
const VERIFY_LINK = /http:\/\/localhost:3999\/verify\/([A-Za-z0-9_-]{43})/;
const originalSmtpUrl = process.env.SMTP_URL;

function useSmtpUrl(url: string | undefined): void {
  process.env.SMTP_URL = url;
  resetEnvForTests();
}

afterAll(async () => {
  closeTransport();
  useSmtpUrl(originalSmtpUrl);
  await closeSharedDatabase();
});

async function onlyOutboundEmail(requestId: string) {
  const [row, ...others] = await listOutboundEmails(db, { requestId });
  expect(others).toHaveLength(0);
  return row!;
}

function messagesTo(inbox: SmtpInbox, address: string) {
  return inbox.messages.filter((mail) =>
    [mail.to].flat().some((to) => to?.value.some((entry) => entry.address?.toLowerCase() === address.toLowerCase())),
  );
}

describe('[worker] delivers the outbox through graphile-worker', () => {
  let inbox: SmtpInbox;
  let worker: Runner;

  beforeAll(async () => {
    inbox = await startSmtpInbox();
    useSmtpUrl(inbox.url);
    await discardQueuedJobs(db);
    worker = await startJobWorker();
  });

  afterAll(async () => {
    await worker?.stop();
    closeTransport();
    await inbox?.stop();
  });

  it('[requester] with an internationalised address (zoë@bücher.example) receives the verification email, sent with SMTPUTF8', async () => {
    const email = `zoë-${Date.now()}@bücher.example`;
    const input = ZSubmitRequest.parse({ type: 'access', email, fullName: 'Zoë Brontë', jurisdiction: 'eu_gdpr', isAuthorised: true });
    const { request } = await submitUnverifiedRequest(db, { input });
    const queued = await onlyOutboundEmail(request.id);

    const [mail] = await inbox.waitFor(email);

    expect(mail!.subject).toBe('Confirm your privacy request');
    expect(inbox.envelopes.get(mail!.messageId!)).toEqual({ recipients: [email], isSmtpUtf8: true });
    await eventually('the outbox row to be marked sent', async () => (await getOutboundEmail(db, { id: queued.id })).status === 'sent');
  });

  it('[requester] receives the verification email once, with a working link in both versions, and the row is scrubbed', async () => {
    const { request, input } = await submitUnverifiedRequest(db);
    const queued = await onlyOutboundEmail(request.id);

    const [mail] = await inbox.waitFor(input.email);

    expect(mail!.subject).toBe('Confirm your privacy request');
    expect(mail!.messageId).toBe(queued.messageId);
    expect(mail!.from?.text).toContain(env().MAIL_FROM.match(/<(.+)>/)![1]);
    const token = VERIFY_LINK.exec(mail!.text ?? '')?.[1];
    expect(token).toBeDefined();
    expect(mail!.html).toContain(`href="http://localhost:3999/verify/${token}"`);
    expect(await findVerificationLink(db, { token: token! })).toMatchObject({ isValid: true, request: { id: request.id } });

    const sent = await eventually('the outbox row to be marked sent', async () => {
      const row = await getOutboundEmail(db, { id: queued.id });
      return row.status === 'sent' && row;
    });
    expect(sent).toMatchObject({ recipient: null, payload: null, attempts: 1, lastError: null });
    expect(sent.sentAt).toBeInstanceOf(Date);
    // graphile-worker removes the job only after the task has returned, a moment after the row is marked sent
    await eventually('the delivery job to be removed', async () => (await findEmailJob(db, { outboundEmailId: queued.id })) === null);
    await inbox.waitForSilence();
    expect(messagesTo(inbox, input.email)).toHaveLength(1);
  });

  it('[requester] still receives the email exactly once when the SMTP server was down at first', { timeout: 45_000 }, async () => {
    const port = inbox.port;
    closeTransport(); // pooled connections would otherwise hold the server open for its 30 s close timeout
    await inbox.stop();

    const { request, input } = await submitUnverifiedRequest(db);
    const queued = await onlyOutboundEmail(request.id);

    const failedJob = await eventually('the delivery job to fail once', async () => {
      const job = await findEmailJob(db, { outboundEmailId: queued.id });
      return job && job.attempts >= 1 && job.last_error ? job : null;
    });
    expect(failedJob.task_identifier).toBe('deliver-email');
    const failedRow = await getOutboundEmail(db, { id: queued.id });
    expect(failedRow).toMatchObject({ status: 'pending', recipient: input.email });
    expect(failedRow.attempts).toBeGreaterThanOrEqual(1);
    expect(failedRow.lastError).toMatch(/ECONNREFUSED|connect/i);

    inbox = await startSmtpInbox(port);
    const [mail] = await inbox.waitFor(input.email, { timeoutMs: 30_000 });

    expect(mail!.subject).toBe('Confirm your privacy request');
    expect(mail!.messageId).toBe(queued.messageId);
    await eventually('the outbox row to be marked sent', async () => (await getOutboundEmail(db, { id: queued.id })).status === 'sent');
    // Long enough for a retry the worker might still have scheduled after the outage.
    await inbox.waitForSilence({ quietMs: 3000 });
    expect(messagesTo(inbox, input.email)).toHaveLength(1);
    expect(await findEmailJob(db, { outboundEmailId: queued.id })).toBeNull();
  });
});

describe('deliverOutboundEmail', () => {
  let inbox: SmtpInbox;

  beforeAll(async () => {
    inbox = await startSmtpInbox();
    useSmtpUrl(inbox.url);
  });

  afterAll(async () => {
    closeTransport();
    await inbox?.stop();
  });

  it('run twice for the same row sends it once', async () => {
    const { request, input } = await submitUnverifiedRequest(db);
    const queued = await onlyOutboundEmail(request.id);

    await deliverOutboundEmail(db, { outboundEmailId: queued.id });
    await deliverOutboundEmail(db, { outboundEmailId: queued.id });

    await inbox.waitFor(input.email);
    await inbox.waitForSilence();
    expect(messagesTo(inbox, input.email)).toHaveLength(1);
    expect(await getOutboundEmail(db, { id: queued.id })).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('run by two workers at the same moment sends the row once (the claim turns the second away; it requeues for the lease end)', async () => {
    const { request, input } = await submitUnverifiedRequest(db);
    const queued = await onlyOutboundEmail(request.id);

    await Promise.all([deliverOutboundEmail(db, { outboundEmailId: queued.id }), deliverOutboundEmail(db, { outboundEmailId: queued.id })]);

    await inbox.waitFor(input.email);
    await inbox.waitForSilence();
    expect(messagesTo(inbox, input.email)).toHaveLength(1);
    expect(await getOutboundEmail(db, { id: queued.id })).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('counts a failed attempt, keeps the row for the retry and throws so the job is retried', async () => {
    const { request, input } = await submitUnverifiedRequest(db);
    const queued = await onlyOutboundEmail(request.id);
    useSmtpUrl(`smtp://127.0.0.1:${await freePort()}`);
    try {
      await expect(deliverOutboundEmail(db, { outboundEmailId: queued.id })).rejects.toThrow();
    } finally {
      useSmtpUrl(inbox.url);
    }
    const failed = await getOutboundEmail(db, { id: queued.id });
    expect(failed).toMatchObject({ status: 'pending', attempts: 1, recipient: input.email });
    expect(failed.lastError).toBeTruthy();

    await deliverOutboundEmail(db, { outboundEmailId: queued.id });

    await inbox.waitFor(input.email);
    expect(await getOutboundEmail(db, { id: queued.id })).toMatchObject({ status: 'sent', attempts: 2, lastError: null, recipient: null });
  });

  it('a claim left by an attempt that died is honoured during its lease, then sent again with the same Message-ID', async () => {
    const { request, input } = await submitUnverifiedRequest(db);
    const queued = await onlyOutboundEmail(request.id);
    // As a worker killed between its claim and its record leaves the row.
    const claimedAt = new Date(Date.now() - 30_000);
    await db
      .update(outboundEmails)
      .set({ sendingAttemptId: randomUUID(), sendingSince: claimedAt })
      .where(eq(outboundEmails.id, queued.id));

    await deliverOutboundEmail(db, { outboundEmailId: queued.id });
    await inbox.waitForSilence({ quietMs: 300 });
    expect(messagesTo(inbox, input.email)).toHaveLength(0);
    const requeued = await findEmailJob(db, { outboundEmailId: queued.id });
    expect(Math.abs(new Date(requeued!.run_at).getTime() - (claimedAt.getTime() + SENDING_LEASE_MS))).toBeLessThan(1000);

    await db
      .update(outboundEmails)
      .set({ sendingSince: new Date(Date.now() - SENDING_LEASE_MS - 1000) })
      .where(eq(outboundEmails.id, queued.id));
    await deliverOutboundEmail(db, { outboundEmailId: queued.id });

    const [mail] = await inbox.waitFor(input.email);
    expect(mail!.messageId).toBe(queued.messageId);
    expect(await getOutboundEmail(db, { id: queued.id })).toMatchObject({ status: 'sent', sendingAttemptId: null, sendingSince: null });
  });

  it('sends nothing for mail whose request expired before delivery', async () => {
    const { request, input } = await submitUnverifiedRequest(db, { now: new Date(Date.now() - 8 * 24 * 60 * 60 * 1000) });
    const queued = await onlyOutboundEmail(request.id);
    await purgeExpiredRequests(db, { now: new Date() });

    await deliverOutboundEmail(db, { outboundEmailId: queued.id });

    await inbox.waitForSilence();
    expect(messagesTo(inbox, input.email)).toHaveLength(0);
    expect(await getOutboundEmail(db, { id: queued.id })).toMatchObject({ status: 'failed', attempts: 0, recipient: null });
  });
});
