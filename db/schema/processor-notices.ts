import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { fulfilmentSourceResults } from './fulfilment-source-results';
import { requests } from './requests';

/**
 * One email to a processor about an erasure or a correction (GDPR Art. 19; the run's kind says
 * which): the first notice or a reminder, each with its own link. Only the SHA-256 of the link's random token is stored; the link
 * stops working at `expiresAt` (the source's cut-off) or once the processor has answered.
 */
export const processorNotices = pgTable(
  'processor_notices',
  {
    id: uuid().primaryKey().defaultRandom(),
    sourceResultId: uuid()
      .notNull()
      .references(() => fulfilmentSourceResults.id),
    requestId: uuid()
      .notNull()
      .references(() => requests.id),
    /** 'notice' (the first email of an attempt) or 'reminder'. */
    kind: text({ enum: ['notice', 'reminder'] }).notNull(),
    vendorName: text().notNull(),
    recipient: text().notNull(),
    tokenHash: text().notNull().unique(),
    sentAt: timestamp({ withTimezone: true }).notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    /** Set on the notice whose link was used: what the processor answered. */
    answer: text({ enum: ['erased', 'corrected', 'held_nothing'] }),
    answerNote: text(),
    answeredAt: timestamp({ withTimezone: true }),
  },
  (table) => [
    index('processor_notices_by_result').on(table.sourceResultId, table.sentAt),
    index('processor_notices_by_request').on(table.requestId),
  ],
);

export type ProcessorNoticeRow = typeof processorNotices.$inferSelect;
