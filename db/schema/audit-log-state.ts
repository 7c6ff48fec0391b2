import { bigint, pgTable, smallint } from 'drizzle-orm/pg-core';

/** One row: where the audit log switched from one global hash chain to per-request chains sealed into a Merkle tree. */
export const auditLogState = pgTable('audit_log_state', {
  id: smallint().primaryKey().default(1),
  /** Events up to this id were written under the global chain (migration 0004) and are verified that way; null when there were none. */
  legacyChainThroughEventId: bigint({ mode: 'number' }),
});
