import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eventDeliveries, eventSubscriptions } from '@/db/schema';
import { sendDeadlineReminders } from '@/lib/deadlines/send-deadline-reminders';
import { isAppError } from '@/lib/errors/app-error';
import { fileOnBehalf } from '@/lib/requests/file-on-behalf';
import { startWork } from '@/lib/requests/start-work';
import { rejectRequest } from '@/lib/requests/reject-request';
import { createEventSubscription } from '@/lib/webhooks/create-event-subscription';
import { deliverEventWebhook, type EventDeliveryOptions } from '@/lib/webhooks/deliver-event-webhook';
import { deliveryJobKey } from '@/lib/webhooks/delivery-job-key';
import { getEventSubscription } from '@/lib/webhooks/get-event-subscription';
import { redeliverEvent } from '@/lib/webhooks/redeliver-event';
import type { WebhookEventType } from '@/lib/webhooks/webhook-event-types';
import { setPrivateTargetsAllowed } from '@/lib/settings/set-private-targets-allowed';
import { uniqueEmail } from '@/test/support/fixtures';
import { independentHmacHex } from '@/test/support/independent-hmac';
import { discardQueuedJobs, startJobWorker } from '@/test/support/job-worker';
import { eventually } from '@/test/support/eventually';
import { closeSharedDatabase } from '@/test/support/shared-database';
import { createStaffMember } from '@/test/support/staff';
import { useTestDatabase } from '@/test/support/test-database';
import { startWebhookReceiver, type WebhookReceiver } from '@/test/support/webhook-receiver';

const db = useTestDatabase();
afterAll(() => closeSharedDatabase());

const fast: EventDeliveryOptions = { maxAttempts: 3, baseDelayMs: 1000, maxDelayMs: 4000, maxRetryAfterMs: 5000, timeoutSeconds: 2 };

let receiver: WebhookReceiver;
beforeAll(async () => {
  receiver = await startWebhookReceiver();
});
afterAll(() => receiver.close());
beforeEach(async () => {
  // The receiver is on 127.0.0.1: allowed only because the admin setting says so (the test template turns it on).
  await setPrivateTargetsAllowed(db, { actor: await createStaffMember(db, { role: 'admin' }), allowed: true });
  receiver.calls.length = 0;
  receiver.replyWith({ status: 204 });
  // Earlier subscriptions (this file's or others') must not receive this test's events.
  await db.update(eventSubscriptions).set({ isEnabled: false }).where(eq(eventSubscriptions.isEnabled, true));
});

async function subscribe(events: WebhookEventType[]) {
  const admin = await createStaffMember(db, { role: 'admin' });
  const { id, signingSecret } = await createEventSubscription(db, {
    actor: admin,
    input: { name: `Receiver ${events.join(' ')}`, url: receiver.url, events },
  });
  return { id, signingSecret, admin };
}

async function fileARequest(actor: Awaited<ReturnType<typeof createStaffMember>>) {
  return fileOnBehalf(db, {
    actor,
    input: {
      type: 'deletion',
      email: uniqueEmail('hook'),
      fullName: 'Ada Lovelace',
      jurisdiction: 'eu_gdpr',
      intakeChannel: 'phone',
      identityCheck: 'Answered three security questions',
      receivedOn: new Date().toISOString().slice(0, 10),
    },
  });
}

async function deliveriesOf(subscriptionId: string) {
  return db.select().from(eventDeliveries).where(eq(eventDeliveries.subscriptionId, subscriptionId)).orderBy(eventDeliveries.createdAt);
}

describe('outbound event webhooks', () => {
  it('queues the subscribed events with the change, and POSTs each signed over timestamp and body', async () => {
    const { id, signingSecret, admin } = await subscribe(['request.created', 'request.closed']);
    const { reference } = await fileARequest(admin);

    const queued = await deliveriesOf(id);
    expect(queued.map((delivery) => delivery.eventType)).toEqual(['request.created']);
    expect(await deliverEventWebhook(db, { deliveryId: queued[0]!.id, options: fast })).toBe('delivered');

    const [call] = receiver.calls;
    const body = JSON.parse(call!.rawBody);
    expect(body).toMatchObject({
      type: 'request.created',
      id: queued[0]!.eventId,
      data: { request: { reference: null, status: 'unverified', type: 'deletion' } },
    });
    expect(call!.rawBody).not.toMatch(/Ada|@example/);
    expect(call!.headers['x-dsr-desk-event']).toBe('request.created');
    const timestamp = String(call!.headers['x-dsr-desk-timestamp']);
    expect(call!.headers['x-dsr-desk-signature']).toBe(`v1=${await independentHmacHex(signingSecret, `${timestamp}.${call!.rawBody}`)}`);
    expect((await deliveriesOf(id))[0]).toMatchObject({ status: 'delivered', attempts: 1, lastStatusCode: 204 });

    const version = (await db.execute<{ version: number }>(sql`select version from requests where reference = ${reference}`))[0]!.version;
    await rejectRequest(db, { actor: admin, reference, version, basis: 'duplicate' });
    expect((await deliveriesOf(id)).map((delivery) => delivery.eventType)).toEqual(['request.created', 'request.closed']);
  });

  it('retries a 503 after a jittered backoff (as a new job), logs every response code, and delivers', async () => {
    const { id, admin } = await subscribe(['request.created']);
    await fileARequest(admin);
    const [delivery] = await deliveriesOf(id);
    receiver.replyWith({ status: 503 }, { status: 200 });
    const now = new Date();

    expect(await deliverEventWebhook(db, { deliveryId: delivery!.id, now, options: fast })).toBe('retrying');
    const waiting = (await deliveriesOf(id))[0]!;
    const delay = waiting.nextAttemptAt!.getTime() - now.getTime();
    expect(delay).toBeGreaterThanOrEqual(fast.baseDelayMs / 2);
    expect(delay).toBeLessThanOrEqual(fast.baseDelayMs);
    const [job] = await db.execute<{ run_at: Date }>(
      sql`select run_at from graphile_worker.jobs where key = ${deliveryJobKey(delivery!.id)}`,
    );
    expect(new Date(job!.run_at).getTime()).toBe(waiting.nextAttemptAt!.getTime());

    expect(await deliverEventWebhook(db, { deliveryId: delivery!.id, options: fast })).toBe('delivered');
    const delivered = (await deliveriesOf(id))[0]!;
    expect(delivered.attemptLog.map((attempt) => attempt.statusCode)).toEqual([503, 200]);
    expect(receiver.calls).toHaveLength(2);
    // Each try is signed afresh, with the same event id and body.
    expect(receiver.calls[1]!.rawBody).toBe(receiver.calls[0]!.rawBody);
  });

  it('gives up after the last try, fails a 4xx at once, and an admin’s redelivery sends it again', async () => {
    const { id, admin } = await subscribe(['request.created', 'request.verified']);
    await fileARequest(admin);
    const [created, verified] = await deliveriesOf(id);
    receiver.replyWith({ status: 500 });
    for (let attempt = 1; attempt < fast.maxAttempts; attempt++)
      expect(await deliverEventWebhook(db, { deliveryId: created!.id, options: fast })).toBe('retrying');
    expect(await deliverEventWebhook(db, { deliveryId: created!.id, options: fast })).toBe('failed');
    receiver.replyWith({ status: 410 });
    expect(await deliverEventWebhook(db, { deliveryId: verified!.id, options: fast })).toBe('failed');

    receiver.replyWith({ status: 200 });
    await redeliverEvent(db, { actor: admin, subscriptionId: id, deliveryId: created!.id });
    expect(await deliverEventWebhook(db, { deliveryId: created!.id, options: fast })).toBe('delivered');

    const log = await getEventSubscription(db, { actor: admin, id });
    const shown = log.deliveries.find((delivery) => delivery.id === created!.id)!;
    expect(shown.attemptLog.map((attempt) => attempt.statusCode)).toEqual([500, 500, 500, 200]);
    expect(log.deliveries.find((delivery) => delivery.id === verified!.id)).toMatchObject({ status: 'failed', lastStatusCode: 410 });
  });

  it('the worker delivers queued events by itself', async () => {
    await discardQueuedJobs(db);
    const { id, admin } = await subscribe(['request.status_changed']);
    const { reference } = await fileARequest(admin);
    const version = (await db.execute<{ version: number }>(sql`select version from requests where reference = ${reference}`))[0]!.version;
    await startWork(db, { actor: admin, reference, version });
    const worker = await startJobWorker();
    try {
      await eventually(
        'both deliveries delivered',
        async () => (await deliveriesOf(id)).filter((delivery) => delivery.status === 'delivered').length === 2,
      );
    } finally {
      await worker.stop();
    }
    const statuses = receiver.calls.map((call) => JSON.parse(call.rawBody).data.request.status);
    expect(statuses).toEqual(expect.arrayContaining(['new', 'in_progress']));
  });

  it('sends request.due_soon when a deadline reminder threshold is reached', async () => {
    const { id, admin } = await subscribe(['request.due_soon']);
    const { reference } = await fileARequest(admin);
    const [{ due_on: dueOn }] = (await db.execute<{ due_on: string }>(
      sql`select due_on::text from requests where reference = ${reference}`,
    )) as unknown as [{ due_on: string }];
    const sixDaysBefore = new Date(`${dueOn}T12:00:00Z`);
    sixDaysBefore.setUTCDate(sixDaysBefore.getUTCDate() - 6);

    await sendDeadlineReminders(db, { now: sixDaysBefore });

    const ours = (await deliveriesOf(id)).filter(
      (delivery) => (delivery.payload.data as { request: { reference: string } }).request.reference === reference,
    );
    expect(ours.map((delivery) => delivery.eventType)).toEqual(['request.due_soon']);
  });

  it('refuses a private or local URL unless allowed, and anything but http(s)', async () => {
    const admin = await createStaffMember(db, { role: 'admin' });
    await setPrivateTargetsAllowed(db, { actor: admin, allowed: false });
    for (const url of [
      'http://127.0.0.1:9/hook',
      'http://10.1.2.3/hook',
      'http://[::1]/hook',
      'http://169.254.169.254/latest/meta-data',
      'ftp://example.com/x',
    ]) {
      const refusal = await createEventSubscription(db, { actor: admin, input: { name: 'x', url, events: ['request.created'] } }).catch(
        (error: unknown) => error,
      );
      expect(isAppError(refusal, 'VALIDATION') && refusal.details.field === 'url', url).toBe(true);
    }
  });

  it('one admin setting governs event webhooks as it does sources: turned off, a saved private receiver is refused at delivery, unposted', async () => {
    const { id, admin } = await subscribe(['request.created']);
    await fileARequest(admin);
    const [delivery] = await deliveriesOf(id);
    await setPrivateTargetsAllowed(db, { actor: admin, allowed: false });

    expect(await deliverEventWebhook(db, { deliveryId: delivery!.id, options: fast })).toBe('failed');
    expect(receiver.calls).toHaveLength(0);
    expect((await deliveriesOf(id))[0]).toMatchObject({ status: 'failed', lastStatusCode: null });
    expect((await deliveriesOf(id))[0]!.lastError).toMatch(/private or local address/);
  });

  it('[agent] may not subscribe', async () => {
    const agent = await createStaffMember(db, { role: 'agent' });
    const refusal = await createEventSubscription(db, {
      actor: agent,
      input: { name: 'x', url: receiver.url, events: ['request.created'] },
    }).catch((error: unknown) => error);
    expect(isAppError(refusal, 'FORBIDDEN')).toBe(true);
  });
});
