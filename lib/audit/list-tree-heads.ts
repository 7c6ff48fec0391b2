import { sql } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '@/db/client';
import type { TreeHead } from './tree-head-signing-key';

export type SignedTreeHead = TreeHead & { lastEventId: number; keyFingerprint: string; signature: string };

const columnList = `tree_size::int as "treeSize", root_hash as "rootHash", last_event_id::int as "lastEventId",
  to_char(signed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "signedAt", key_fingerprint as "keyFingerprint", signature`;
const columns = sql.raw(columnList);

/** The newest head as plain SQL, for a connection outside drizzle (the export's snapshot). */
export const latestTreeHeadQuery = `select ${columnList} from audit_tree_heads order by tree_size desc limit 1`;

/** Every signed tree head, smallest first (signedAt in the exact text that was signed). */
export async function listTreeHeads(db: DatabaseOrTransaction): Promise<SignedTreeHead[]> {
  return db.execute<SignedTreeHead>(sql`select ${columns} from audit_tree_heads order by tree_size`).then((rows) => [...rows]);
}

/** The newest signed tree head, or null before the first seal. */
export async function getLatestTreeHead(db: DatabaseOrTransaction): Promise<SignedTreeHead | null> {
  const [row] = await db.execute<SignedTreeHead>(sql.raw(latestTreeHeadQuery));
  return row ?? null;
}
