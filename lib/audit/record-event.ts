import type { DatabaseOrTransaction } from '@/db/client';
import { requestEvents } from '@/db/schema';

export type Actor = { type: 'requester' } | { type: 'system' } | { type: 'staff'; staffId: string };

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
 * signed Merkle tree (lib/audit/seal-audit-log.ts). One statement, one round trip.
 */
export async function recordEvent(tx: DatabaseOrTransaction, options: RecordEventOptions): Promise<void> {
  await tx.insert(requestEvents).values({
    requestId: options.requestId,
    actorType: options.actor.type,
    actorId: options.actor.type === 'staff' ? options.actor.staffId : null,
    action: options.action,
    details: options.details ?? {},
    ip: options.ip ?? null,
    isVisibleToRequester: options.isVisibleToRequester ?? false,
  });
}
