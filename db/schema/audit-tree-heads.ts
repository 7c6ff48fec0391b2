import { bigint, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Signed tree heads (Certificate Transparency's STH): the Merkle root over the first `treeSize`
 * leaves, signed with the log's Ed25519 key (lib/audit/tree-head-signing-key.ts). Append-only.
 */
export const auditTreeHeads = pgTable('audit_tree_heads', {
  treeSize: bigint({ mode: 'number' }).primaryKey(),
  /** Lower-case hex sha256 (RFC 9162 §2.1.1). */
  rootHash: text().notNull(),
  /** The newest event this head covers. */
  lastEventId: bigint({ mode: 'number' }).notNull(),
  /** The roots of the perfect subtrees that make up the tree, largest first: extending the tree needs only these. */
  frontier: jsonb().$type<string[]>().notNull(),
  signedAt: timestamp({ withTimezone: true }).notNull(),
  /** sha256 (hex) of the raw 32-byte public key that signed. */
  keyFingerprint: text().notNull(),
  /** Ed25519 over treeHeadMessage(), base64. */
  signature: text().notNull(),
});
