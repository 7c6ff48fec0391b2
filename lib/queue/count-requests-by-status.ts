import { inArray, sql } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '@/db/client';
import { requestStatusDeltas, requestStatusTotals } from '@/db/schema';
import type { RequestStatus } from '@/lib/requests/request-status';

/**
 * The number of requests in each of these statuses: the folded total plus the deltas not folded yet, in one
 * statement (one snapshot). Reads two small tables, never `requests` (see db/schema/request-status-counts.ts).
 * A status with no requests is left out.
 */
export async function countRequestsByStatus<S extends RequestStatus>(
  db: DatabaseOrTransaction,
  statuses: readonly S[],
): Promise<Partial<Record<S, number>>> {
  const rows = await db.execute<{ status: S; total: string }>(sql`
    select status, sum(n)::bigint as total from (
      select status, requests as n from ${requestStatusTotals} where ${inArray(requestStatusTotals.status, [...statuses])}
      union all
      select status, delta as n from ${requestStatusDeltas} where ${inArray(requestStatusDeltas.status, [...statuses])}
    ) as counted
    group by status`);
  const counts: Partial<Record<S, number>> = {};
  for (const row of rows) if (Number(row.total) > 0) counts[row.status] = Number(row.total);
  return counts;
}
