import { boolean, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { TDataSourceConfig } from '@/lib/validation/data-source';
import { dataSourceKind } from './enums';

/**
 * The organisation's systems that hold personal data, configured by admins (or a seed file).
 * The secret (a PostgreSQL connection string, a webhook signing secret) is stored only
 * encrypted (lib/security/secret-box.ts) and never shown again after saving.
 */
export const dataSources = pgTable('data_sources', {
  id: uuid().primaryKey().defaultRandom(),
  /** URL-safe name: callbacks arrive at /api/callbacks/<slug>; package folders are named by it. */
  slug: text().notNull().unique(),
  name: text().notNull(),
  /** What requesters read (erasure confirmation, package): "Our online shop", not "shop-db-prod". Falls back to name. */
  publicName: text(),
  kind: dataSourceKind().notNull(),
  isEnabled: boolean().notNull().default(true),
  /** Whether access/export runs read this source, and whether erasure runs erase from it. */
  usedForAccess: boolean().notNull().default(true),
  usedForErasure: boolean().notNull().default(true),
  /** By kind: the PostgreSQL map, the webhook URL and timeout, or the manual checklist instructions. */
  config: jsonb().$type<TDataSourceConfig>().notNull(),
  secretCiphertext: text(),
  secretUpdatedAt: timestamp({ withTimezone: true }),
  /** Seeded sources are updated from their file on start; sources made in the UI never are. */
  seededFrom: text(),
  version: integer().notNull().default(1),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export type DataSourceRow = typeof dataSources.$inferSelect;
