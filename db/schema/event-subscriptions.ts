import { boolean, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { WebhookEventType } from '@/lib/webhooks/webhook-event-types';
import { staffMembers } from './staff-members';

/**
 * Outbound event webhooks: an admin subscribes a URL to request events. Each POST is
 * signed like a webhook source's job (HMAC-SHA256 over timestamp and body) with a secret
 * made here, shown once and stored only encrypted (lib/security/secret-box.ts).
 */
export const eventSubscriptions = pgTable('event_subscriptions', {
  id: uuid().primaryKey().defaultRandom(),
  name: text().notNull(),
  url: text().notNull(),
  events: text().array().$type<WebhookEventType[]>().notNull(),
  secretCiphertext: text().notNull(),
  isEnabled: boolean().notNull().default(true),
  createdById: uuid().references(() => staffMembers.id),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export type EventSubscriptionRow = typeof eventSubscriptions.$inferSelect;
