import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { listActiveStaffByRole } from '@/db/queries/staff-members';
import { closeTransport } from '@/emails/transport';
import { resetEnvForTests } from '@/lib/env';
import { listQueue } from '@/lib/queue/list-queue';
import { retryRequestEmails } from '@/lib/requests/retry-request-emails';
import { ZQueueFilters } from '@/lib/validation/queue-filters';
import { findEmailJob, getOutboundEmail, listOutboundEmails } from '@/test/support/outbox';
import { getRequest, listEvents } from '@/test/support/requests';
import { startSmtpInbox } from '@/test/support/smtp-inbox';
import { createStaffMember } from '@/test/support/staff';
import { useTestDatabase } from '@/test/support/test-database';
import { createVerifiedRequest } from '@/test/support/verified-request';
import { deliverOutboundEmail } from './deliver-outbound-email';
import { ALERT_AFTER_ATTEMPTS, FLAG_AFTER_ATTEMPTS } from './record-delivery-failure';
import { DIGEST_DELAY_MS, INCIDENT_WINDOW_MS, sendDeliveryAlertDigest } from './send-delivery-alert-digest';

const db = useTestDatabase();
const originalSmtpUrl = process.env.SMTP_URL;

afterAll(() => {
  closeTransport();
  process.env.SMTP_URL = originalSmtpUrl;
  resetEnvForTests();
});

async function alertsAbout(reference: string) {
  return db.execute<{ recipient: string }>(
    sql`select recipient from outbound_emails where template = 'delivery-failure-alert' and payload->'props'->>'reference' = ${reference}`,
  );
}

/** One delivery attempt against the unreachable SMTP port the test environment points at. */
async function failOnce(outboundEmailId: string): Promise<void> {
  await expect(deliverOutboundEmail(db, { outboundEmailId })).rejects.toThrow(/ECONNREFUSED|connect/i);
}

describe('[system] an email to the requester keeps failing', () => {
  it('[agent] sees the request flagged in the queue, retries it, and [admin]s get one digest, after the retry, naming how many fail', async () => {
    const agent = await createStaffMember(db, { role: 'agent' });
    await createStaffMember(db, { role: 'admin', name: 'Alerted Admin' });
    const { request, reference, input } = await createVerifiedRequest(db);
    const acknowledgement = (await listOutboundEmails(db, { requestId: request.id })).find(
      (email) => email.template === 'acknowledgement',
    )!;
    const queueRowFor = async () => (await listQueue(db, { actor: agent, filters: ZQueueFilters.parse({ q: reference }) })).rows[0];

    for (let attempt = 1; attempt < FLAG_AFTER_ATTEMPTS; attempt++) await failOnce(acknowledgement.id);
    expect((await getRequest(db, { id: request.id })).lastError).toBeNull();
    expect((await queueRowFor())!.lastError).toBeNull();

    await failOnce(acknowledgement.id);
    const flagged = await getRequest(db, { id: request.id });
    expect(flagged.lastError).toMatch(/^Email “acknowledgement” could not be delivered: .*(ECONNREFUSED|connect)/i);
    expect((await queueRowFor())!.lastError).toBe(flagged.lastError);
    expect(await alertsAbout(reference)).toHaveLength(0);

    for (let attempt = FLAG_AFTER_ATTEMPTS + 1; attempt <= ALERT_AFTER_ATTEMPTS + 2; attempt++) await failOnce(acknowledgement.id);
    expect(await getOutboundEmail(db, { id: acknowledgement.id })).toMatchObject({ status: 'pending', attempts: ALERT_AFTER_ATTEMPTS + 2 });
    // No alert per failing email: one digest, scheduled after the email's next retry.
    expect(await alertsAbout(reference)).toHaveLength(0);
    const [digestJob] = await db.execute<{ run_at: string }>(
      sql`select run_at from graphile_worker.jobs where task_identifier = 'send-delivery-alert-digest'`,
    );
    expect(new Date(digestJob!.run_at).getTime()).toBeGreaterThan(Date.now() + DIGEST_DELAY_MS - 60_000);

    const digestAt = new Date(Date.now() + DIGEST_DELAY_MS);
    const named = await sendDeliveryAlertDigest(db, { now: digestAt });
    expect(named).toBeGreaterThanOrEqual(1);
    const admins = await listActiveStaffByRole(db, { role: 'admin' });
    const digests = await db.execute<{ recipient: string; failing: number }>(
      sql`select recipient, (payload->'props'->>'failingCount')::int as failing from outbound_emails where template = 'delivery-failure-alert' and payload->'props' ? 'failingCount'`,
    );
    expect(digests.map((row) => row.recipient).sort()).toEqual(admins.map((admin) => admin.email).sort());
    expect(digests.every((row) => row.failing === named)).toBe(true);
    // Within the incident window, more failures alert nobody again.
    await failOnce(acknowledgement.id);
    expect(await sendDeliveryAlertDigest(db, { now: new Date(digestAt.getTime() + INCIDENT_WINDOW_MS / 2) })).toBe(0);
    expect(
      await db.execute(sql`select 1 from outbound_emails where template = 'delivery-failure-alert' and payload->'props' ? 'failingCount'`),
    ).toHaveLength(admins.length);

    // As the worker would leave it: the job waiting out an hour of exponential backoff.
    const waiting = await findEmailJob(db, { outboundEmailId: acknowledgement.id });
    await db.execute(sql`select graphile_worker.reschedule_jobs(array[${waiting!.id}::bigint], run_at := now() + interval '1 hour')`);
    expect(new Date((await findEmailJob(db, { outboundEmailId: acknowledgement.id }))!.run_at).getTime()).toBeGreaterThan(
      Date.now() + 30 * 60 * 1000,
    );

    const retried = await retryRequestEmails(db, { actor: agent, reference });

    expect(retried).toBe(1);
    expect((await getRequest(db, { id: request.id })).lastError).toBeNull();
    expect((await listEvents(db, { requestId: request.id })).pop()).toMatchObject({
      action: 'retry_requested',
      actorId: agent.staffId,
      details: { emails: 1 },
    });
    const job = await findEmailJob(db, { outboundEmailId: acknowledgement.id });
    expect(job).toMatchObject({ task_identifier: 'deliver-email' });
    expect(new Date(job!.run_at).getTime()).toBeLessThanOrEqual(Date.now() + 1000);

    // The mail server is back: the retried email goes out once.
    const inbox = await startSmtpInbox();
    try {
      process.env.SMTP_URL = inbox.url;
      resetEnvForTests();
      await deliverOutboundEmail(db, { outboundEmailId: acknowledgement.id });
      await deliverOutboundEmail(db, { outboundEmailId: acknowledgement.id });
      expect(await inbox.waitFor(input.email)).toHaveLength(1);
      expect(await getOutboundEmail(db, { id: acknowledgement.id })).toMatchObject({ status: 'sent' });
      expect((await queueRowFor())!.lastError).toBeNull();
    } finally {
      closeTransport();
      await inbox.stop();
    }
  });
});
