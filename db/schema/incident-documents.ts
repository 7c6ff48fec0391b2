import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { incidents } from './incidents';
import { staffMembers } from './staff-members';

/**
 * Files kept with an incident: the copy of what was sent to the regulator (GDPR Art. 33(1)), kept
 * for the register (Art. 33(5)). The bytes live in the storage under `attachments/<storageKey>`.
 */
export const incidentDocuments = pgTable(
  'incident_documents',
  {
    id: uuid().primaryKey().defaultRandom(),
    incidentId: uuid()
      .notNull()
      .references(() => incidents.id),
    /** `regulator_notification` for now: what the regulator was sent. */
    kind: text().notNull(),
    storageKey: text().notNull(),
    fileName: text().notNull(),
    contentType: text().notNull(),
    sizeBytes: integer().notNull(),
    sha256: text().notNull(),
    uploadedById: uuid().references(() => staffMembers.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('incident_documents_by_incident').on(table.incidentId, table.createdAt)],
);
