import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { emailStatus } from './enums';
import { requests } from './requests';

/**
 * The transactional outbox for email. A row is inserted in the same transaction
 * as the state change that causes it; the worker delivers it and then scrubs the
 * recipient and payload (which can hold a live token) from the row.
 */
export const outboundEmails = pgTable(
  'outbound_emails',
  {
    id: uuid().primaryKey().defaultRandom(),
    requestId: uuid().references(() => requests.id),
    template: text().notNull(),
    recipient: text(),
    payload: jsonb().$type<Record<string, unknown>>(),
    status: emailStatus().notNull().default('pending'),
    attempts: integer().notNull().default(0),
    lastError: text(),
    /** Stable per row, so a receiving server can recognise a redelivery as the same message. */
    messageId: text().notNull(),
    /**
     * Set (committed) just before the SMTP call, cleared when its outcome is recorded: a
     * pending row with a claim is "sending". A claim older than the lease means the
     * attempt died with its outcome unknown (lib/mail/claim-outbound-email.ts).
     */
    sendingAttemptId: uuid(),
    sendingSince: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp({ withTimezone: true }),
  },
  (table) => [index('outbound_emails_by_request').on(table.requestId)],
);
