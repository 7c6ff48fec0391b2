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
  return db.execute<ChainEventRow>(sql`
    select id::text as "id", request_id::text as "requestId", actor_type::text as "actorType", actor_id as "actorId",
      action, details::text as "details", ip::text as "ip", is_visible_to_requester as "isVisibleToRequester",
      to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "createdAt",
      previous_hash as "previousHash", hash
    from request_events
    where id > ${afterId}::bigint
    -- Qualified: a bare "id" here would sort by the text alias above (10 before 2).
    order by request_events.id
    limit ${limit}
  `).then((rows) => (rows as unknown as ChainEventRow[]).filter((row) => BigInt(row.id) <= BigInt(throughId)));
}
