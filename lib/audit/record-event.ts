import { sql } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '@/db/client';
import { requestEvents } from '@/db/schema';
import { queueOpenDsrCallbacks } from '@/lib/opendsr/queue-opendsr-callbacks';
import { type EventSubscriber, eventSubscribersQuery, queueEventWebhooks } from '@/lib/webhooks/queue-event-webhooks';
import { webhookEventsForAction } from '@/lib/webhooks/webhook-event-types';

export type Actor =
  | { type: 'requester' }
  | { type: 'system' }
  | { type: 'staff'; staffId: string }
  | { type: 'api_key'; apiKeyId: string; name: string };

export type RecordEventOptions = {
  requestId: string | null;
  actor: Actor;
  action: string;
  details?: Record<string, unknown>;
  ip?: string | null;
  isVisibleToRequester?: boolean;
};

/**
 * Appends one audit event. Always called with the transaction that makes the
 * change it describes, so the change and its record commit or fail together.
 * Details hold ids and facts, never the requester's email or name.
 *
 * The row is chained by the request_events_chain trigger, not here, so raw SQL and every
 * other writer are chained too: it takes the request's row lock (FOR NO KEY UPDATE; free when
 * the caller already holds the row) and links the event to the request's previous one. Writers
 * on different requests never wait for each other; the worker later seals every event into the
 * signed Merkle tree (lib/audit/seal-audit-log.ts). One statement, one round trip (with the webhook
 * subscribers read in the same statement when the action is one they can hear).
 */
export async function recordEvent(tx: DatabaseOrTransaction, options: RecordEventOptions): Promise<void> {
  const event = tx.insert(requestEvents).values({
    requestId: options.requestId,
    actorType: options.actor.type,
    actorId: actorIdOf(options.actor),
    action: options.action,
    // An API key is named in every event it causes: keys can be renamed or deleted, the trail cannot.
    details: options.actor.type === 'api_key' ? { ...options.details, apiKeyName: options.actor.name } : (options.details ?? {}),
    ip: options.ip ?? null,
    isVisibleToRequester: options.isVisibleToRequester ?? false,
  });
  const types = options.requestId ? webhookEventsForAction(options.action) : [];
  if (!options.requestId || types.length === 0) {
    await event;
    return;
  }
  // Event webhooks ride on the audit event: same transaction, so they go out if and only if the change commits.
  // The event and the subscriptions that want it in one statement (a data-modifying WITH always runs, once).
  const subscribers = await tx.execute<EventSubscriber>(sql`with recorded_event as ${event} ${eventSubscribersQuery(tx, types)}`);
  await queueEventWebhooks(tx, { requestId: options.requestId, types, subscribers: [...subscribers] });
  if (types.includes('request.status_changed')) await queueOpenDsrCallbacks(tx, { requestId: options.requestId });
}

function actorIdOf(actor: Actor): string | null {
  if (actor.type === 'staff') return actor.staffId;
  if (actor.type === 'api_key') return actor.apiKeyId;
  return null;
}
