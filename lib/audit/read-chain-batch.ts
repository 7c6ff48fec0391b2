import { sql } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '@/db/client';
import type { ChainEventText } from './canonical-event-text';

export type ChainEventRow = ChainEventText & { previousHash: string | null; hash: string | null };

/**
 * The next events of the chain after `afterId`, up to and including `throughId`, in id
 * order (keyset: each batch is an index range scan, so memory stays flat however long
 * the chain). The upper bound is applied here, not in SQL: with a closed id range and
 * stale statistics the planner picked a bitmap scan and sorted the whole range per batch. Every field comes back in PostgreSQL's own text form for canonicalEventText.
 */
export async function readChainBatch(
  db: DatabaseOrTransaction,
  { afterId, throughId, limit }: { afterId: string; throughId: string; limit: number },
): Promise<ChainEventRow[]> {
  return db
    .execute<ChainEventRow>(sql`
    select id::text as "id", request_id::text as "requestId", actor_type::text as "actorType", actor_id as "actorId",
      action, details::text as "details", ip::text as "ip", is_visible_to_requester as "isVisibleToRequester",
      to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "createdAt",
      previous_hash as "previousHash", hash
    from request_events
    where id > ${afterId}::bigint
    -- Qualified: a bare "id" here would sort by the text alias above (10 before 2).
    order by request_events.id
    limit ${limit}
  `)
    .then((rows) => (rows as unknown as ChainEventRow[]).filter((row) => BigInt(row.id) <= BigInt(throughId)));
}

export type SealedEventRow = ChainEventRow & {
  /** Null while the event is not sealed yet. */
  leafIndex: string | null;
  leafHash: string | null;
  /** The hash of the previous event of the same request (null for the request's first event and for workspace events). */
  requestPreviousHash: string | null;
};

/**
 * readChainBatch with what the verifier checks besides: each event's leaf, and the hash of the
 * event before it on the same request (an index probe per event on request_events_by_request).
 */
export async function readSealedBatch(
  db: DatabaseOrTransaction,
  { afterId, throughId, limit }: { afterId: string; throughId: string; limit: number },
): Promise<SealedEventRow[]> {
  return db
    .execute<SealedEventRow>(sql`
    select e.id::text as "id", e.request_id::text as "requestId", e.actor_type::text as "actorType", e.actor_id as "actorId",
      e.action, e.details::text as "details", e.ip::text as "ip", e.is_visible_to_requester as "isVisibleToRequester",
      to_char(e.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "createdAt",
      e.previous_hash as "previousHash", e.hash,
      l.leaf_index::text as "leafIndex", l.leaf_hash as "leafHash",
      case when e.request_id is not null then (
        select p.hash from request_events p where p.request_id = e.request_id and p.id < e.id order by p.id desc limit 1
      ) end as "requestPreviousHash"
    from request_events e
    left join audit_log_leaves l on l.event_id = e.id
    where e.id > ${afterId}::bigint
    order by e.id
    limit ${limit}
  `)
    .then((rows) => (rows as unknown as SealedEventRow[]).filter((row) => BigInt(row.id) <= BigInt(throughId)));
}
