import { bigint, pgTable, text } from 'drizzle-orm/pg-core';

/**
 * The audit log's Merkle tree leaves, appended by the sealer (lib/audit/seal-audit-log.ts) in event id
 * order: leaf i is sha256(0x00 || event i's chain hash). Append-only like the events themselves.
 */
export const auditLogLeaves = pgTable('audit_log_leaves', {
  leafIndex: bigint({ mode: 'number' }).primaryKey(),
  eventId: bigint({ mode: 'number' }).notNull().unique(),
  /** Lower-case hex. */
  leafHash: text().notNull(),
});
