import { sql } from 'drizzle-orm';
import { boolean, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { staffRole } from './enums';

/** People who work requests. Only invited, active members can sign in. */
export const staffMembers = pgTable(
  'staff_members',
  {
    id: uuid().primaryKey().defaultRandom(),
    email: text().notNull(),
    name: text().notNull().default(''),
    role: staffRole().notNull(),
    isActive: boolean().notNull().default(true),
    emailVerifiedAt: timestamp({ withTimezone: true }),
    invitedById: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    deactivatedAt: timestamp({ withTimezone: true }),
  },
  (table) => [uniqueIndex('staff_members_email_unique').on(sql`lower(${table.email})`)],
);

export type StaffMemberRow = typeof staffMembers.$inferSelect;
