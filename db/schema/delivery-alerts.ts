import { integer, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * One row per "email delivery keeps failing" digest sent to the admins: the incident
 * window runs from `sentAt`, and no second digest goes out inside it.
 */
export const deliveryAlerts = pgTable('delivery_alerts', {
  id: uuid().primaryKey().defaultRandom(),
  sentAt: timestamp({ withTimezone: true }).notNull(),
  failingCount: integer().notNull(),
});
