import { boolean, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { WebhookEventType } from '@/lib/webhooks/webhook-event-types';
import { opendsrRequests } from './opendsr-requests';
import { staffMembers } from './staff-members';

/**
 * Outbound event webhooks: an admin subscribes a URL to request events. Each POST is
 * signed like a webhook source's job (HMAC-SHA256 over timestamp and body) with a secret
 * made here, shown once and stored only encrypted (lib/security/secret-box.ts).
 */
export const eventSubscriptions = pgTable(
  'event_subscriptions',
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    url: text().notNull(),
    events: text().array().$type<WebhookEventType[]>().notNull(),
    secretCiphertext: text().notNull(),
    isEnabled: boolean().notNull().default(true),
    createdById: uuid().references(() => staffMembers.id),
    /**
     * Set for an OpenDSR status_callback_url: the subscription belongs to that one request, is
     * signed with the OpenDSR key as well, and is neither listed to admins nor sent other events.
     */
    opendsrRequestId: uuid().references(() => opendsrRequests.id, { onDelete: 'cascade' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('event_subscriptions_by_opendsr_request').on(table.opendsrRequestId)],
);

export type EventSubscriptionRow = typeof eventSubscriptions.$inferSelect;
