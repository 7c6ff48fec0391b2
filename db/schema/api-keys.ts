import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { ApiScope } from '@/lib/staff/permissions';
import { staffMembers } from './staff-members';

/**
 * Keys other systems send as `Authorization: Bearer …` to /api/v1. Only the SHA-256 of
 * the secret is kept (it is shown once, when made); `prefix` is its first characters, so
 * an admin can tell keys apart without the secret.
 */
export const apiKeys = pgTable(
  'api_keys',
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    prefix: text().notNull(),
    secretHash: text().notNull().unique(),
    scopes: text().array().$type<ApiScope[]>().notNull(),
    expiresAt: timestamp({ withTimezone: true }),
    lastUsedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
    createdById: uuid().references(() => staffMembers.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('api_keys_by_created_at').on(table.createdAt)],
);

export type ApiKeyRow = typeof apiKeys.$inferSelect;
