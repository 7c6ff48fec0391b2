import { eq, sql } from 'drizzle-orm';
import { fetch, type Response } from 'undici';
import type { Database } from '@/db/client';
import { eventDeliveries, eventSubscriptions } from '@/db/schema';
import { describeNetworkError, parseRetryAfter, retryDelayMs } from '@/lib/data-sources/webhook/post-webhook-job';
import { signWebhookRequest } from '@/lib/data-sources/webhook/sign-webhook-request';
import { webhookDispatcher } from '@/lib/data-sources/webhook/webhook-dispatcher';
import { isAppError } from '@/lib/errors/app-error';
import { openDsrSignatureHeaders } from '@/lib/opendsr/opendsr-signing-key';
import { enqueueJob } from '@/lib/jobs/enqueue-job';
import { deliveryJobKey } from './delivery-job-key';
import { decryptSecret } from '@/lib/security/secret-box';
import { getNetworkSettings } from '@/lib/settings/get-network-settings';
import type { TNetworkSettings } from '@/lib/validation/network-settings';
import { assertPublicUrl } from './assert-public-url';
import { SUBSCRIPTION_SECRET_PURPOSE } from './subscription-secret';

export type EventDeliveryOptions = {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  maxRetryAfterMs: number;
  timeoutSeconds: number;
};

/** Eight tries over about a day: 30 s, 1, 2, 4 … minutes (jittered), capped at 6 hours. Tests shorten the delays. */
export const eventDeliveryOptions: EventDeliveryOptions = {
  maxAttempts: 8,
  baseDelayMs: 30_000,
  maxDelayMs: 6 * 60 * 60 * 1000,
  maxRetryAfterMs: 6 * 60 * 60 * 1000,
  timeoutSeconds: 10,
};

export type EventDeliveryOutcome = 'delivered' | 'retrying' | 'failed' | 'skipped';

type Attempt = { statusCode: number | null; error: string | null; isRetryable: boolean; retryAfterMs?: number | null };

/**
 * One try at POSTing a queued event. The delivery row stays locked while it runs, so two
 * workers given the same job (a retry racing a manual redelivery) never post one attempt
 * twice. 2xx delivers; a network error, timeout, 429 or 5xx is tried again later by a new
 * job after a jittered exponential delay (or the receiver's Retry-After); any other answer,
 * or a URL that now resolves to a private address, fails at once. Every try is logged with
 * its response code.
 */
export async function deliverEventWebhook(
  db: Database,
  { deliveryId, now = new Date(), options = eventDeliveryOptions }: { deliveryId: string; now?: Date; options?: EventDeliveryOptions },
): Promise<EventDeliveryOutcome> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ delivery: eventDeliveries, subscription: eventSubscriptions })
      .from(eventDeliveries)
      .innerJoin(eventSubscriptions, eq(eventSubscriptions.id, eventDeliveries.subscriptionId))
      .where(eq(eventDeliveries.id, deliveryId))
      .for('update', { of: eventDeliveries, skipLocked: true });
    if (!row || row.delivery.status !== 'pending') return 'skipped';
    const { delivery, subscription } = row;

    const attempt: Attempt = subscription.isEnabled
      ? await postOnce({
          url: subscription.url,
          secret: decryptSecret(subscription.secretCiphertext, SUBSCRIPTION_SECRET_PURPOSE),
          delivery,
          isOpenDsrCallback: subscription.opendsrRequestId !== null,
          now,
          timeoutSeconds: options.timeoutSeconds,
          network: await getNetworkSettings(tx),
        })
      : { statusCode: null, error: 'The subscription is switched off.', isRetryable: false };

    const attempts = delivery.attempts + 1;
    const isDelivered = attempt.statusCode !== null && attempt.statusCode >= 200 && attempt.statusCode < 300;
    const willRetry = !isDelivered && attempt.isRetryable && attempts < options.maxAttempts;
    const nextAttemptAt = willRetry ? new Date(now.getTime() + retryDelayMs(attempts, attempt.retryAfterMs ?? null, options)) : null;
    const logEntry = { at: now.toISOString(), statusCode: attempt.statusCode, error: attempt.error };
    await tx
      .update(eventDeliveries)
      .set({
        status: isDelivered ? 'delivered' : willRetry ? 'pending' : 'failed',
        attempts,
        lastStatusCode: attempt.statusCode,
        lastError: attempt.error,
        attemptLog: sql`${eventDeliveries.attemptLog} || ${JSON.stringify([logEntry])}::jsonb`,
        deliveredAt: isDelivered ? now : null,
        nextAttemptAt,
      })
      .where(eq(eventDeliveries.id, delivery.id));
    if (nextAttemptAt)
      await enqueueJob(
        tx,
        'deliver-event-webhook',
        { deliveryId: delivery.id },
        { jobKey: deliveryJobKey(delivery.id), runAt: nextAttemptAt, maxAttempts: 1 },
      );
    if (isDelivered) return 'delivered';
    return willRetry ? 'retrying' : 'failed';
  });
}

async function postOnce({
  url,
  secret,
  delivery,
  isOpenDsrCallback,
  now,
  timeoutSeconds,
  network,
}: {
  network: TNetworkSettings;
  isOpenDsrCallback: boolean;
  url: string;
  secret: string;
  delivery: typeof eventDeliveries.$inferSelect;
  now: Date;
  timeoutSeconds: number;
}): Promise<Attempt> {
  try {
    await assertPublicUrl(url, network);
  } catch (error) {
    if (isAppError(error)) return { statusCode: null, error: error.message, isRetryable: false };
    throw error;
  }
  const rawBody = JSON.stringify(delivery.payload);
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'User-Agent': 'dsr-desk',
        'X-DSR-Desk-Event': delivery.eventType,
        'X-DSR-Desk-Delivery': delivery.id,
        ...signWebhookRequest({ secret, rawBody, now }),
        // The controller checks an OpenDSR callback with the public key from /api/opendsr/discovery.
        ...(isOpenDsrCallback ? openDsrSignatureHeaders(rawBody) : {}),
      },
      body: rawBody,
      signal: AbortSignal.timeout(timeoutSeconds * 1000),
      // A redirect would send the event somewhere no admin chose.
      redirect: 'manual',
      // The address checked is the address connected to (no DNS rebinding after assertPublicUrl).
      dispatcher: webhookDispatcher(network),
    });
  } catch (error) {
    return { statusCode: null, error: describeNetworkError(error, timeoutSeconds), isRetryable: true };
  }
  await response.body?.cancel().catch(() => undefined);
  const { status } = response;
  if (status >= 200 && status < 300) return { statusCode: status, error: null, isRetryable: false };
  const isRetryable = status === 429 || status >= 500;
  return {
    statusCode: status,
    error: `Answered HTTP ${status}.`,
    isRetryable,
    retryAfterMs: isRetryable ? parseRetryAfter(response.headers.get('retry-after')) : null,
  };
}
