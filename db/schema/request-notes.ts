import { boolean, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { requests } from './requests';
import { staffMembers } from './staff-members';

/**
 * Messages on a request that are not audit events: staff's internal notes (never
 * shown to the requester) and the requester's replies to a request for information.
 */
export const requestNotes = pgTable(
  'request_notes',
  {
    id: uuid().primaryKey().defaultRandom(),
    requestId: uuid()
      .notNull()
      .references(() => requests.id),
    /** Null when the requester wrote it (a reply from their status page). */
    staffId: uuid().references(() => staffMembers.id),
    isFromRequester: boolean().notNull().default(false),
    body: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('request_notes_by_request').on(table.requestId, table.createdAt)],
);
