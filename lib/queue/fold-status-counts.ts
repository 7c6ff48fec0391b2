import { sql } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '@/db/client';

/**
 * Folds the status deltas appended since the last fold into the totals (db/schema/request-status-counts.ts):
 * one statement, so the deltas leave and the totals grow in the same commit and a reader never sees a change
 * counted twice or not at all. Two folds at once each move the rows they deleted. Returns the deltas folded.
 */
export async function foldStatusCounts(db: DatabaseOrTransaction): Promise<number> {
  const [folded] = await db.execute<{ deltas: number }>(sql`
    with moved as (delete from request_status_deltas returning status, delta),
    summed as (
      insert into request_status_totals as totals (status, requests)
      select status, sum(delta) from moved group by status
      on conflict (status) do update set requests = totals.requests + excluded.requests
      returning 1
    )
    select (select count(*) from moved)::int as deltas, (select count(*) from summed) as statuses`);
  return Number(folded?.deltas ?? 0);
}
