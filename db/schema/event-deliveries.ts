import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { WebhookEventType } from '@/lib/webhooks/webhook-event-types';
import { eventSubscriptions } from './event-subscriptions';

export const eventDeliveryStatus = pgEnum('event_delivery_status', ['pending', 'delivered', 'failed']);

export type DeliveryAttempt = { at: string; statusCode: number | null; error: string | null };

/**
 * One event for one subscription: queued in the transaction that made the change (so an
 * event exists if and only if the change committed), then POSTed by the worker with retries.
 * The log keeps every attempt's response code.
 */
export const eventDeliveries = pgTable(
  'event_deliveries',
  {
    id: uuid().primaryKey().defaultRandom(),
    subscriptionId: uuid()
      .notNull()
      .references(() => eventSubscriptions.id, { onDelete: 'cascade' }),
    /** The same for every subscription that gets this event, so receivers can recognise a repeat. */
    eventId: uuid().notNull(),
    eventType: text().$type<WebhookEventType>().notNull(),
    /** No personal data: ids, reference, type, status and dates only. */
    payload: jsonb().$type<Record<string, unknown>>().notNull(),
    status: eventDeliveryStatus().notNull().default('pending'),
    attempts: integer().notNull().default(0),
    lastStatusCode: integer(),
    lastError: text(),
    attemptLog: jsonb().$type<DeliveryAttempt[]>().notNull().default([]),
    nextAttemptAt: timestamp({ withTimezone: true }),
    deliveredAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('event_deliveries_by_subscription').on(table.subscriptionId, table.createdAt)],
);

export type EventDeliveryRow = typeof eventDeliveries.$inferSelect;
