import { bigint, bigserial, integer, pgTable } from 'drizzle-orm/pg-core';
import { requestStatus } from './enums';

/**
 * How many requests are in each status, kept by triggers on `requests` so the queue's tabs never count
 * the table (after a churn of claims an index-only scan of the open rows still visits the heap until
 * VACUUM runs: 50,000 buffers at a million requests). Every status change appends a +1/−1 row to
 * `request_status_deltas` (an insert: no row lock, so concurrent claims never wait on each other);
 * the worker folds the deltas into `request_status_totals` every minute (lib/queue/fold-status-counts.ts).
 * A count is the total plus the deltas not yet folded, read in one snapshot.
 */
export const requestStatusTotals = pgTable('request_status_totals', {
  status: requestStatus().primaryKey(),
  requests: bigint({ mode: 'number' }).notNull(),
});

export const requestStatusDeltas = pgTable('request_status_deltas', {
  id: bigserial({ mode: 'number' }).primaryKey(),
  status: requestStatus().notNull(),
  delta: integer().notNull(),
});
