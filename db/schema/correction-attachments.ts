import { bigint, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { requests } from './requests';

/**
 * Proof documents a requester sends with a correction request (a certificate showing the right name, a bill with
 * the right address). Encrypted before they reach storage like identity documents (lib/verification/evidence-file.ts),
 * opened only by those who work the request, and deleted with the request's other personal data when it is minimised;
 * the row stays (deletedAt) as the record that a document came.
 */
export const correctionAttachments = pgTable(
  'correction_attachments',
  {
    id: uuid().primaryKey().defaultRandom(),
    requestId: uuid()
      .notNull()
      .references(() => requests.id),
    storageKey: text().notNull().unique(),
    fileName: text().notNull(),
    contentType: text().notNull(),
    sizeBytes: bigint({ mode: 'number' }).notNull(),
    uploadedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp({ withTimezone: true }),
  },
  (table) => [index('correction_attachments_by_request').on(table.requestId)],
);

export type CorrectionAttachmentRow = typeof correctionAttachments.$inferSelect;
