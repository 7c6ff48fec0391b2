import { integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import type { TDeadlinePolicy } from '@/lib/validation/deadline-policy';

/**
 * Deadline policies are data, not code branches: one row per jurisdiction the
 * request form offers. The rules engine (lib/deadlines) interprets `policy`.
 */
export const jurisdictionPolicies = pgTable('jurisdiction_policies', {
  code: text().primaryKey(),
  policy: jsonb().$type<TDeadlinePolicy>().notNull(),
  sortOrder: integer().notNull().default(0),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
