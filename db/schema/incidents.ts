import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgSequence, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { TIncidentNotice } from '@/lib/validation/incident-notice';
import { staffMembers } from './staff-members';

/** Numbers incident references (INC-2026-0001). */
export const incidentReferenceSequence = pgSequence('incident_reference_seq', { startWith: 1 });

/**
 * A personal data breach (GDPR Art. 4(12)) as the organisation recorded it: the
 * register Art. 33(5) asks for, and what the regulator clock counts from. Holds
 * descriptions and categories, never the affected people themselves.
 */
export const incidents = pgTable(
  'incidents',
  {
    id: uuid().primaryKey().defaultRandom(),
    reference: text().notNull().unique(),
    title: text().notNull(),
    /** What happened. */
    description: text().notNull(),
    /** When the breach began, if known. */
    startedAt: timestamp({ withTimezone: true }),
    /** When the organisation became aware of it: the regulator clocks count from here (Art. 33(1)). */
    discoveredAt: timestamp({ withTimezone: true }).notNull(),
    /** The regimes whose rules apply (lib/incidents/breach-notification-rules.ts). */
    regimes: jsonb().$type<string[]>().notNull().default([]),
    /** Ids of the data sources (systems) involved. */
    sourceIds: jsonb().$type<string[]>().notNull().default([]),
    /** Kinds of personal data involved (lib/validation/incident.ts). */
    dataCategories: jsonb().$type<string[]>().notNull().default([]),
    likelyConsequences: text().notNull().default(''),
    measuresTaken: text().notNull().default(''),
    /** The regulator decision that stops the clock: notified (with when, how and their reference) or not required (with why). */
    regulatorDecision: text().$type<'notified' | 'not_required'>(),
    regulatorNotifiedAt: timestamp({ withTimezone: true }),
    regulatorMethod: text(),
    regulatorReference: text(),
    notRequiredReason: text(),
    decidedAt: timestamp({ withTimezone: true }),
    closedAt: timestamp({ withTimezone: true }),
    /** The notice to the people affected (Art. 34), saved as a draft and previewed before it is sent. */
    notice: jsonb().$type<TIncidentNotice>(),
    /** When staff sent the notice: every affected person then found is queued in batches. */
    noticeSentAt: timestamp({ withTimezone: true }),
    noticeSentBy: uuid().references(() => staffMembers.id),
    /** When the list of affected people was deleted at the end of its retention (the counts stay on the lookups). */
    affectedListDeletedAt: timestamp({ withTimezone: true }),
    openedBy: uuid()
      .notNull()
      .references(() => staffMembers.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Optimistic concurrency: forms carry it, a stale save is refused. */
    version: integer().notNull().default(1),
  },
  (table) => [
    index('incidents_by_discovered_at').on(table.discoveredAt, table.id),
    // The reminder job reads only incidents still waiting for a regulator decision.
    index('incidents_awaiting_decision')
      .on(table.discoveredAt)
      .where(sql`${table.regulatorDecision} is null and ${table.closedAt} is null`),
  ],
);

export type IncidentRow = typeof incidents.$inferSelect;
