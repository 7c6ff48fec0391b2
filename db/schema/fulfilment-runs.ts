import { sql } from 'drizzle-orm';
import { bigint, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { fulfilmentRunKind, fulfilmentRunStatus } from './enums';
import { requestAttachments } from './request-attachments';
import { requests } from './requests';
import { staffMembers } from './staff-members';

/**
 * One pass over the data sources for a request: gather (build the package), dry run
 * (count what erasure would touch) or erase. Each source's part is a fulfilment_source_results row.
 */
export const fulfilmentRuns = pgTable(
  'fulfilment_runs',
  {
    id: uuid().primaryKey().defaultRandom(),
    requestId: uuid()
      .notNull()
      .references(() => requests.id),
    kind: fulfilmentRunKind().notNull(),
    status: fulfilmentRunStatus().notNull().default('running'),
    /** Null when the system started it (a verified access request gathers by itself). */
    startedById: uuid().references(() => staffMembers.id),
    /** The gathered ZIP in the storage folder (STORAGE_DIR/attachments/<key>, outside the web root). */
    packageStorageKey: text().unique(),
    packageSizeBytes: bigint({ mode: 'number' }),
    packageSha256: text(),
    /** Set when the package file was removed (expired, or replaced before release). */
    packageDeletedAt: timestamp({ withTimezone: true }),
    /** The download the requester got when the package was released. */
    attachmentId: uuid().references(() => requestAttachments.id),
    releasedAt: timestamp({ withTimezone: true }),
    releasedById: uuid().references(() => staffMembers.id),
    /** Why building the package failed (a source's own failure is on its result row). */
    error: text(),
    /** An erasure run: the agent's own words for the requester, added to the confirmation email sent when it completes. */
    requesterMessage: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (table) => [
    index('fulfilment_runs_by_request').on(table.requestId, table.createdAt),
    // The hourly clean-up of packages nobody released (delete-expired-packages.ts): only the few built,
    // unreleased packages still on disk, oldest first, not every run ever made.
    index('fulfilment_runs_unreleased_packages')
      .on(table.finishedAt)
      .where(sql`${table.status} = 'succeeded' and ${table.packageStorageKey} is not null and ${table.packageDeletedAt} is null`),
  ],
);

export type FulfilmentRunRow = typeof fulfilmentRuns.$inferSelect;
