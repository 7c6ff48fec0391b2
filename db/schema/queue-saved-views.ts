import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { staffMembers } from './staff-members';

/** A staff member's named queue view: the queue's filters and sort as its URL query string. Private to its owner. */
export const queueSavedViews = pgTable(
  'queue_saved_views',
  {
    id: uuid().primaryKey().defaultRandom(),
    staffId: uuid()
      .notNull()
      .references(() => staffMembers.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    /** The filters and sort, as the queue's URL writes them (`status=new&assignee=me&sort=received`), parsed again on use. */
    query: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('queue_saved_views_name_per_staff').on(table.staffId, table.name),
    index('queue_saved_views_by_staff').on(table.staffId, table.createdAt),
  ],
);

export type QueueSavedViewRow = typeof queueSavedViews.$inferSelect;
