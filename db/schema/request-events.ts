import { bigint, boolean, index, inet, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { actorType } from './enums';
import { requests } from './requests';

/**
 * The audit trail: one row per state change, written in the same transaction as
 * the change. Holds ids, never the requester's email or name in clear.
 */
export const requestEvents = pgTable(
  'request_events',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    /** Null for events about the workspace itself (staff invited, settings changed). */
    requestId: uuid().references(() => requests.id),
    actorType: actorType().notNull(),
    actorId: text(),
    action: text().notNull(),
    details: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    ip: inet(),
    isVisibleToRequester: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Tamper evidence: sha256 over the previous event's hash and this event's canonical JSON (lib/audit). */
    previousHash: text(),
    hash: text(),
  },
  (table) => [index('request_events_by_request').on(table.requestId, table.id), index('request_events_by_created_at').on(table.createdAt)],
);

export type RequestEventRow = typeof requestEvents.$inferSelect;
