import { createHash } from 'node:crypto';

/**
 * One audit event as PostgreSQL prints its fields (see readChainBatch): every value is
 * the database's own text form, so nothing is lost on the way to JS (microseconds,
 * jsonb numbers such as 1.50, inet masks).
 */
export type ChainEventText = {
  id: string;
  requestId: string | null;
  actorType: string;
  actorId: string | null;
  action: string;
  /** jsonb's text output: keys already normalised by PostgreSQL. */
  details: string;
  ip: string | null;
  isVisibleToRequester: boolean;
  /** UTC, 'YYYY-MM-DDTHH:MM:SS.ffffffZ'. */
  createdAt: string;
};

const asJsonString = (value: string | null) => (value === null ? 'null' : JSON.stringify(value));

/**
 * The canonical form the chain hashes; must match audit_event_canonical_text() in
 * db/migrations/0004_audit_append_only.sql byte for byte (that file defines it).
 * Built here independently so the verifier does not trust a database function that
 * someone able to tamper with rows could also replace.
 */
export function canonicalEventText(event: ChainEventText): string {
  return (
    `{"action":${asJsonString(event.action)}` +
    `,"actor_id":${asJsonString(event.actorId)}` +
    `,"actor_type":${asJsonString(event.actorType)}` +
    `,"created_at":${asJsonString(event.createdAt)}` +
    `,"details":${event.details}` +
    `,"id":${event.id}` +
    `,"ip":${asJsonString(event.ip)}` +
    `,"is_visible_to_requester":${event.isVisibleToRequester ? 'true' : 'false'}` +
    `,"request_id":${asJsonString(event.requestId)}}`
  );
}

/** sha256 over the previous event's hash ('' before the first event) and this event's canonical form, as lower-case hex. */
export function chainHash(previousHash: string | null, canonical: string): string {
  return createHash('sha256')
    .update((previousHash ?? '') + canonical, 'utf8')
    .digest('hex');
}
