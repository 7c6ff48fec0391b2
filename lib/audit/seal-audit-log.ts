import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import { arrayParameter } from '@/db/array-parameter';
import type { Database } from '@/db/client';
import { canonicalEventText, chainHash } from './canonical-event-text';
import { eventLeafHash, MerkleFrontier } from './merkle-tree';
import { readChainBatch } from './read-chain-batch';
import { auditPublicKey, signText, type TreeHead, treeHeadMessage } from './tree-head-signing-key';

export type SealAuditLogOptions = {
  /** How long to wait for transactions still writing events below the watermark before leaving them to the next run. */
  maxWaitMs?: number;
  /** Most events one run seals (one tree head); a backlog is sealed over several runs. */
  maxEvents?: number;
  now?: () => Date;
};

export type SealResult = { sealedCount: number; treeHead: (TreeHead & { lastEventId: number }) | null };

/**
 * The log's sequencer (Certificate Transparency's "append first, seal later"). Writers insert
 * events under no lock but their own request's row; this appends every event committed so far to
 * the Merkle tree, in id order, and stores a signed tree head. Run by the worker every
 * AUDIT_SEAL_INTERVAL_MS; safe to run from several processes at once (an advisory lock lets one seal).
 *
 * Ids are drawn in insertion order but committed in any order, so the run seals only up to a
 * watermark no transaction can still write below: the sequence's value read now, once every
 * transaction holding an xid when it was read has ended (a fence xid drawn just after bounds them).
 * The chaining trigger takes the transaction's xid before drawing the id, so each such writer is in that set.
 */
export async function sealAuditLog(
  db: Database,
  { maxWaitMs = 2000, maxEvents = 50_000, now = () => new Date() }: SealAuditLogOptions = {},
): Promise<SealResult> {
  const [mark] = await db.execute<{ lastId: string | null }>(
    sql`select pg_sequence_last_value(pg_get_serial_sequence('public.request_events', 'id')::regclass)::text as "lastId"`,
  );
  if (!mark?.lastId) return { sealedCount: 0, treeHead: null };
  // An xid drawn (and committed) now is above every xid assigned before the sequence was read. A
  // snapshot's xmax is not that bound: it is one past the latest *completed* xid, so a writer that took
  // a higher xid and is still running is neither below it nor counted in the snapshot's xmin.
  const [fence] = await db.execute<{ xid: string }>(sql`select pg_current_xact_id()::text as xid`);
  const deadline = Date.now() + maxWaitMs;
  for (;;) {
    // Once the fence has committed, every later snapshot's xmax is above it, so xmin at or past the
    // fence means no transaction below it is still running.
    const [state] = await db.execute<{ isSettled: boolean }>(
      sql`select pg_snapshot_xmin(pg_current_snapshot()) >= ${fence!.xid}::xid8 as "isSettled"`,
    );
    if (state!.isSettled) break;
    if (Date.now() >= deadline) return { sealedCount: 0, treeHead: null };
    await sleep(10);
  }
  const watermark = BigInt(mark.lastId);

  return db.transaction(async (tx) => {
    // One sequencer at a time: a second run would extend the same head and collide on its leaf indexes.
    // It waits rather than skips, then extends the head the first one stored (a caller waiting for its own events to be sealed gets them).
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended('dsr-desk:audit-sealer', 0))`);
    const [head] = await tx.execute<{ treeSize: number; lastEventId: string; frontier: string[] }>(
      sql`select tree_size::int as "treeSize", last_event_id::text as "lastEventId", frontier from audit_tree_heads order by tree_size desc limit 1`,
    );
    const tree = new MerkleFrontier(head?.treeSize ?? 0, head?.frontier ?? []);
    let afterId = head?.lastEventId ?? '0';
    let sealedCount = 0;
    while (sealedCount < maxEvents) {
      const limit = Math.min(5000, maxEvents - sealedCount);
      const batch = await readChainBatch(tx, { afterId, throughId: watermark.toString(), limit });
      if (batch.length === 0) break;
      const leaves = batch.map((event) => {
        // Recomputed from the content rather than copied, so a tree head never vouches for a row that is already wrong.
        const leaf = eventLeafHash(chainHash(event.previousHash, canonicalEventText(event)));
        tree.append(leaf);
        return { leafIndex: tree.size - 1, eventId: event.id, leafHash: leaf };
      });
      // One parameter per column rather than one per value.
      const leafIndexes = arrayParameter(
        leaves.map((leaf) => leaf.leafIndex),
        'bigint[]',
      );
      const eventIds = arrayParameter(
        leaves.map((leaf) => leaf.eventId),
        'bigint[]',
      );
      const leafHashes = arrayParameter(
        leaves.map((leaf) => leaf.leafHash),
        'text[]',
      );
      await tx.execute(
        sql`insert into audit_log_leaves (leaf_index, event_id, leaf_hash) select * from unnest(${leafIndexes}, ${eventIds}, ${leafHashes})`,
      );
      sealedCount += batch.length;
      afterId = batch.at(-1)!.id;
      if (batch.length < limit) break;
    }
    if (sealedCount === 0) return { sealedCount: 0, treeHead: null };

    const treeHead = { treeSize: tree.size, rootHash: tree.root(), signedAt: now().toISOString() };
    await tx.execute(sql`
      insert into audit_tree_heads (tree_size, root_hash, last_event_id, frontier, signed_at, key_fingerprint, signature)
      values (${treeHead.treeSize}, ${treeHead.rootHash}, ${afterId}::bigint, ${JSON.stringify(tree.frontier())}::jsonb, ${treeHead.signedAt}::timestamptz,
        ${auditPublicKey().fingerprint}, ${signText(treeHeadMessage(treeHead))})
    `);
    return { sealedCount, treeHead: { ...treeHead, lastEventId: Number(afterId) } };
  });
}

/** Seals until nothing committed is left unsealed: for commands and tests that need the tree to cover everything written so far. */
export async function sealAuditLogFully(db: Database, options: SealAuditLogOptions = {}): Promise<SealResult> {
  let last: SealResult = { sealedCount: 0, treeHead: null };
  for (;;) {
    const result = await sealAuditLog(db, options);
    if (result.sealedCount === 0) return last;
    last = result;
  }
}
