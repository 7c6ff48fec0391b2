import { sql } from 'drizzle-orm';
import { index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { requests } from './requests';

/**
 * What the queue's search box matches (lib/queue/list-queue.ts): part of a reference, an email address or
 * a name, with ILIKE '%…%' answered by pg_trgm GIN indexes. Kept beside `requests`, not on it: every update
 * of a request that is not HOT (a claim, an assignment, any status change) added a new entry to each index
 * on the table, and these three GIN indexes halved claim-next's throughput at a million requests. Triggers
 * on `requests` keep it in step (migration 0033): a row per request, written at insert and when one of the
 * three values changes (minimisation clears the email and name).
 */
export const requestSearch = pgTable(
  'request_search',
  {
    requestId: uuid()
      .primaryKey()
      .references(() => requests.id, { onDelete: 'cascade' }),
    // Null until the email address is verified, as on requests.
    reference: text(),
    email: text(),
    fullName: text(),
  },
  (table) => [
    index('request_search_reference_trgm').using('gin', sql`${table.reference} gin_trgm_ops`),
    index('request_search_email_trgm').using('gin', sql`${table.email} gin_trgm_ops`),
    index('request_search_full_name_trgm').using('gin', sql`${table.fullName} gin_trgm_ops`),
  ],
);
