import { bigint, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { requests } from './requests';
import { staffMembers } from './staff-members';

/**
 * Files handed to the requester on fulfilment. The bytes live in the storage
 * folder (STORAGE_DIR, outside the web root) under `storageKey`; downloads go
 * through the status link and are counted against `maxDownloads`.
 */
export const requestAttachments = pgTable(
  'request_attachments',
  {
    id: uuid().primaryKey().defaultRandom(),
    requestId: uuid()
      .notNull()
      .references(() => requests.id),
    fileName: text().notNull(),
    contentType: text().notNull(),
    sizeBytes: bigint({ mode: 'number' }).notNull(),
    sha256: text().notNull(),
    storageKey: text().notNull().unique(),
    uploadedById: uuid().references(() => staffMembers.id),
    downloadCount: integer().notNull().default(0),
    maxDownloads: integer().notNull().default(10),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    deletedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('request_attachments_by_request').on(table.requestId)],
);
