import { bigint, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { EvidenceKind } from '@/lib/validation/evidence-file';
import { requests } from './requests';

/**
 * Documents a requester uploads when an agent asks for one (a staff identity check), and the signed
 * permission an authorised agent uploads when filing (kind 'agent_permission'). The bytes are
 * encrypted before they reach storage; the row stays after the file is deleted (deletedAt), as the
 * record that evidence existed and was checked. `deleteAfter` is set when identity is decided; a request closed without a
 * decision has its files deleted the same number of days after closing (delete-expired-evidence.ts).
 */
export const identityEvidence = pgTable(
  'identity_evidence',
  {
    id: uuid().primaryKey().defaultRandom(),
    requestId: uuid()
      .notNull()
      .references(() => requests.id),
    kind: text().$type<EvidenceKind>().notNull().default('identity_document'),
    storageKey: text().notNull().unique(),
    fileName: text().notNull(),
    contentType: text().notNull(),
    sizeBytes: bigint({ mode: 'number' }).notNull(),
    uploadedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    deleteAfter: timestamp({ withTimezone: true }),
    deletedAt: timestamp({ withTimezone: true }),
  },
  (table) => [index('identity_evidence_by_request').on(table.requestId), index('identity_evidence_due').on(table.deleteAfter)],
);

export type IdentityEvidenceRow = typeof identityEvidence.$inferSelect;
