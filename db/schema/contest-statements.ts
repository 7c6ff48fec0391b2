import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { requests } from './requests';

/**
 * A requester's written statement contesting data we declined to correct (CCPA regulations,
 * 11 CCR §7023(f): up to 250 words, kept with the contested data; GDPR Art. 16's "supplementary
 * statement"). One per declined correction; removed with the request's personal data when it is minimised.
 */
export const contestStatements = pgTable('contest_statements', {
  id: uuid().primaryKey().defaultRandom(),
  requestId: uuid()
    .notNull()
    .unique()
    .references(() => requests.id),
  body: text().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
