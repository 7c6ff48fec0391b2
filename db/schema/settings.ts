import { jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Organisation-wide settings admins edit (organisation name, sender); one row per key, validated by lib/validation. */
export const settings = pgTable('settings', {
  key: text().primaryKey(),
  value: jsonb().notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
