import { pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { incidents } from './incidents';

/**
 * One row per regulator-clock reminder sent ('48h', '66h', 'overdue:<regime>'). The primary
 * key makes each fire once per incident however many workers run the job.
 */
export const incidentReminders = pgTable(
  'incident_reminders',
  {
    incidentId: uuid()
      .notNull()
      .references(() => incidents.id),
    kind: text().notNull(),
    sentAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.incidentId, table.kind] })],
);
