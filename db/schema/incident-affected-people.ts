import { index, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { incidentLookups } from './incident-lookups';
import { incidents } from './incidents';
import { outboundEmails } from './outbound-emails';

/**
 * The people a breach affected, one row per email address per incident. The address is
 * stored only encrypted (lib/security/secret-box.ts, bound to the incident) and as a keyed
 * hash of its normalised form (lib/security/keyed-hash.ts), which is how a later request
 * from the same person finds the notice without the address being compared in plain text.
 * Deleted with the incident's list retention (lib/incidents/delete-expired-affected-lists.ts).
 */
export const incidentAffectedPeople = pgTable(
  'incident_affected_people',
  {
    id: uuid().primaryKey().defaultRandom(),
    incidentId: uuid()
      .notNull()
      .references(() => incidents.id),
    /** The lookup that first found the address. */
    lookupId: uuid()
      .notNull()
      .references(() => incidentLookups.id),
    emailHash: text().notNull(),
    emailCiphertext: text().notNull(),
    /** The notice's outbox row once queued: its status (pending, sent, failed) is the delivery's. */
    outboundEmailId: uuid().references(() => outboundEmails.id),
    noticeQueuedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    unique('incident_affected_people_once').on(table.incidentId, table.emailHash),
    index('incident_affected_people_by_email_hash').on(table.emailHash),
    index('incident_affected_people_by_outbound_email').on(table.outboundEmailId),
  ],
);
