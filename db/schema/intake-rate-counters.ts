import { integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Abuse limits kept in Postgres so they hold across every app instance: one row per key and fixed window,
 * counted by an upsert. `key` is a keyed hash ("email:<hash>" or "ip:<hash>"), never the address itself.
 */
export const intakeRateCounters = pgTable(
  'intake_rate_counters',
  {
    key: text().notNull(),
    windowStart: timestamp({ withTimezone: true }).notNull(),
    attempts: integer().notNull(),
  },
  (table) => [primaryKey({ columns: [table.key, table.windowStart] })],
);
