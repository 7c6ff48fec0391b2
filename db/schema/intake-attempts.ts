import { bigint, index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Abuse limits kept in Postgres so they hold across every app instance. `key` is a
 * keyed hash ("email:<hash>" or "ip:<hash>"), never the address itself.
 */
export const intakeAttempts = pgTable(
  'intake_attempts',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    key: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('intake_attempts_by_key').on(table.key, table.createdAt)],
);
