import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { dataSources } from './data-sources';
import { dataSourceKind, sourceResultStatus } from './enums';
import { fulfilmentRuns } from './fulfilment-runs';
import { staffMembers } from './staff-members';

/** Per table label: the rows a dry run found and a keyed digest of their keys. */
export type ErasurePlan = Record<string, { rows: number; keyDigest: string | null }>;
/**
 * Per table label after an erasure: rows still matching the person, and how many of those
 * hold only masked values. Proven when every table has none left, or only masked ones.
 */
export type ErasureProof = {
  checkedAt: string;
  isProven: boolean;
  tables: Record<string, { remaining: number; masked: number; isKept: boolean }>;
};

/**
 * The named identities a source was searched with (those earlier sources in the run found)
 * and those its rows yielded for the sources after it: e.g. { found: { shop_customer_id: ["1001"] } }.
 * Personal data: cleared when the request is minimised.
 */
export type SourceIdentities = { used: Record<string, string[]>; found: Record<string, string[]> };

/**
 * One source's outcome in a run: rows exported, rows that would be or were erased,
 * or the error. Kept after the request's personal data is minimised: it is the
 * per-source record accountability needs (which systems were searched or erased, when).
 */
export const fulfilmentSourceResults = pgTable(
  'fulfilment_source_results',
  {
    id: uuid().primaryKey().defaultRandom(),
    runId: uuid()
      .notNull()
      .references(() => fulfilmentRuns.id),
    sourceId: uuid()
      .notNull()
      .references(() => dataSources.id),
    /** The source's name and kind when the run started: renaming a source later does not rewrite history. */
    sourceName: text().notNull(),
    sourceKind: dataSourceKind().notNull(),
    status: sourceResultStatus().notNull().default('pending'),
    /** Per table: rows exported (gather), that would be touched (dry run) or that were (erase). */
    rowCounts: jsonb().$type<Record<string, number>>().notNull().default({}),
    /** Rows handled so far: the progress shown while the run works. */
    rowsDone: integer().notNull().default(0),
    /**
     * Dry run of a database source: the plan erasure must find unchanged — per table, the rows
     * and a keyed digest of their keys (never the keys). Erase: the plan it executed.
     */
    plan: jsonb().$type<ErasurePlan>(),
    /** Erase of a database source: what re-querying the source with the same identities found afterwards. */
    proof: jsonb().$type<ErasureProof>(),
    error: text(),
    /** Sources of the same run this one waits for (they yield identities it is searched by): its job starts when they succeed. */
    awaitsSourceIds: jsonb().$type<string[]>().notNull().default([]),
    identities: jsonb().$type<SourceIdentities>(),
    attempts: integer().notNull().default(0),
    /** Webhook: the job id sent to the system and echoed by its callback (random, single-use). */
    callbackJobId: text().unique(),
    /** Webhook access data received, staged in the storage folder until the package is built. */
    stagedStorageKey: text(),
    /** Manual sources: who confirmed the checklist item, and their note. */
    confirmedById: uuid().references(() => staffMembers.id),
    note: text(),
    startedAt: timestamp({ withTimezone: true }),
    finishedAt: timestamp({ withTimezone: true }),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('fulfilment_source_results_by_run_source').on(table.runId, table.sourceId),
    index('fulfilment_source_results_by_source').on(table.sourceId),
    // The hourly sweep for webhook jobs that never got their callback (expire-awaited-callbacks.ts): a handful of rows, not the whole history.
    index('fulfilment_source_results_awaiting_callback').on(table.startedAt).where(sql`${table.status} = 'awaiting_callback'`),
  ],
);

export type FulfilmentSourceResultRow = typeof fulfilmentSourceResults.$inferSelect;
