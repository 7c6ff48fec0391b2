import { pgTable, primaryKey, timestamp, uuid } from 'drizzle-orm/pg-core';
import { deadlineReminderKind } from './enums';
import { requests } from './requests';

/**
 * One row per reminder sent. The primary key makes each threshold fire once per
 * request however many workers run the daily job or how often it restarts.
 */
export const deadlineReminders = pgTable(
  'deadline_reminders',
  {
    requestId: uuid()
      .notNull()
      .references(() => requests.id),
    kind: deadlineReminderKind().notNull(),
    sentAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.requestId, table.kind] })],
);
