import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tokenPurpose } from './enums';
import { requests } from './requests';

/**
 * Bearer tokens sent to the requester by email. Only the SHA-256 of the token is
 * stored, so a database leak does not leak working links.
 */
export const requestTokens = pgTable(
  'request_tokens',
  {
    id: uuid().primaryKey().defaultRandom(),
    requestId: uuid()
      .notNull()
      .references(() => requests.id, { onDelete: 'cascade' }),
    purpose: tokenPurpose().notNull(),
    tokenHash: text().notNull().unique(),
    expiresAt: timestamp({ withTimezone: true }),
    usedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('request_tokens_by_request').on(table.requestId, table.purpose)],
);
