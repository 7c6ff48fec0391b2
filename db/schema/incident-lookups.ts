import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { TAffectedFilter } from '@/lib/validation/incident-affected';
import { dataSources } from './data-sources';
import { incidents } from './incidents';
import { staffMembers } from './staff-members';

/**
 * One search for the people a breach affected in one data source: the filter staff
 * described (checked against the source's map), and how the background run went.
 * The people found are in incident_affected_people; this row holds no personal data.
 */
export const incidentLookups = pgTable(
  'incident_lookups',
  {
    id: uuid().primaryKey().defaultRandom(),
    incidentId: uuid()
      .notNull()
      .references(() => incidents.id),
    sourceId: uuid()
      .notNull()
      .references(() => dataSources.id),
    filter: jsonb().$type<TAffectedFilter>().notNull(),
    /** `awaiting_callback`: a webhook source accepted a page's `breach_lookup` job (202) and answers by signed callback. */
    status: text().$type<'queued' | 'running' | 'awaiting_callback' | 'done' | 'failed'>().notNull().default('queued'),
    /** Distinct email addresses the filter found in this source. */
    peopleFound: integer().notNull().default(0),
    /** Of those, how many were not on the incident's list already (found through another source or filter). */
    peopleAdded: integer().notNull().default(0),
    /** Addresses a webhook source sent that are not email addresses: left out, counted for staff to see. */
    peopleRejected: integer().notNull().default(0),
    error: text(),
    /** Webhook sources: the page the next `breach_lookup` job asks for (the source's own cursor), null for the first. */
    webhookCursor: text(),
    /** Webhook sources: the job a signed callback must name while the lookup awaits it; a fresh one per page. */
    callbackJobId: text(),
    awaitingCallbackSince: timestamp({ withTimezone: true }),
    requestedBy: uuid()
      .notNull()
      .references(() => staffMembers.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (table) => [
    index('incident_lookups_by_incident').on(table.incidentId, table.createdAt),
    index('incident_lookups_by_callback_job').on(table.callbackJobId),
  ],
);

export type IncidentLookupRow = typeof incidentLookups.$inferSelect;
