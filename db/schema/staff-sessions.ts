import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { staffMembers } from './staff-members';

/**
 * Database sessions (next-auth "database" strategy): deactivating a member ends
 * their sessions at once, which a self-contained JWT could not. The cookie's
 * token is stored as its SHA-256 only.
 */
export const staffSessions = pgTable(
  'staff_sessions',
  {
    sessionTokenHash: text().primaryKey(),
    staffId: uuid()
      .notNull()
      .references(() => staffMembers.id, { onDelete: 'cascade' }),
    expires: timestamp({ withTimezone: true }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('staff_sessions_by_staff').on(table.staffId)],
);
