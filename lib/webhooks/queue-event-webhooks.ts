import { randomUUID } from 'node:crypto';
import { and, arrayOverlaps, eq, isNull } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '@/db/client';
import { eventDeliveries, eventSubscriptions, requests } from '@/db/schema';
import { enqueueJob } from '@/lib/jobs/enqueue-job';
import { deliveryJobKey } from './delivery-job-key';
import type { WebhookEventType } from './webhook-event-types';

export type EventSubscriber = { id: string; events: WebhookEventType[] };

export type QueueEventWebhooksOptions = {
  requestId: string;
  types: readonly WebhookEventType[];
  now?: Date;
  /** The subscribers, when the caller has read them already (see `eventSubscribersQuery`). */
  subscribers?: readonly EventSubscriber[];
};

/** The enabled subscriptions that want any of these event types. */
export function eventSubscribersQuery(tx: DatabaseOrTransaction, types: readonly WebhookEventType[]) {
  return tx
    .select({ id: eventSubscriptions.id, events: eventSubscriptions.events })
    .from(eventSubscriptions)
    .where(
      and(
        eq(eventSubscriptions.isEnabled, true),
        arrayOverlaps(eventSubscriptions.events, [...types]),
        // An OpenDSR callback URL hears only of its own request (lib/opendsr/queue-opendsr-callbacks.ts).
        isNull(eventSubscriptions.opendsrRequestId),
      ),
    );
}

/**
 * Queues one delivery per subscribed, enabled subscription and event type, on the caller's
 * transaction: the POST happens (from the worker) only if the change commits. The payload is
 * the request as it is now, without personal data.
 */
export async function queueEventWebhooks(
  tx: DatabaseOrTransaction,
  { requestId, types, now = new Date(), subscribers }: QueueEventWebhooksOptions,
): Promise<number> {
  if (types.length === 0) return 0;
  const subscriptions = subscribers ?? (await eventSubscribersQuery(tx, types));
  if (subscriptions.length === 0) return 0;

  const [request] = await tx
    .select({
      id: requests.id,
      reference: requests.reference,
      type: requests.type,
      status: requests.status,
      jurisdiction: requests.jurisdiction,
      channel: requests.channel,
      receivedOn: requests.receivedOn,
      dueOn: requests.dueOn,
      closedAt: requests.closedAt,
    })
    .from(requests)
    .where(eq(requests.id, requestId));
  if (!request) return 0;

  const rows = types.flatMap((type) => {
    const eventId = randomUUID();
    const payload = {
      id: eventId,
      type,
      occurredAt: now.toISOString(),
      data: { request: { ...request, closedAt: request.closedAt?.toISOString() ?? null } },
    };
    return subscriptions
      .filter((subscription) => subscription.events.includes(type))
      .map((subscription) => ({ subscriptionId: subscription.id, eventId, eventType: type, payload, nextAttemptAt: now, createdAt: now }));
  });
  return queueDeliveries(tx, rows);
}

/** Stores deliveries and gives each its worker job, on the caller's transaction. */
export async function queueDeliveries(tx: DatabaseOrTransaction, rows: (typeof eventDeliveries.$inferInsert)[]): Promise<number> {
  if (rows.length === 0) return 0;
  const inserted = await tx.insert(eventDeliveries).values(rows).returning({ id: eventDeliveries.id });
  for (const { id } of inserted)
    await enqueueJob(tx, 'deliver-event-webhook', { deliveryId: id }, { jobKey: deliveryJobKey(id), maxAttempts: 1 });
  return inserted.length;
}
