import { pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/** Magic-link tokens for staff sign-in; next-auth hands them over already hashed. Single use. */
export const staffSignInTokens = pgTable(
  'staff_sign_in_tokens',
  {
    identifier: text().notNull(),
    tokenHash: text().notNull(),
    expires: timestamp({ withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.identifier, table.tokenHash] })],
);
