import { desc, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { requestEvents } from '@/db/schema';
import { assertCan, type StaffActor } from '@/lib/staff/staff-actor';
import type { ChainBreakReason } from './break-reason-labels';
import { canonicalEventText, chainHash } from './canonical-event-text';
import { listTreeHeads, type SignedTreeHead } from './list-tree-heads';
import { eventLeafHash, MerkleFrontier } from './merkle-tree';
import { readSealedBatch } from './read-chain-batch';
import { recordEvent } from './record-event';
import { auditPublicKey, isSignatureValid, treeHeadMessage } from './tree-head-signing-key';

export type ChainBreak = {
  eventId: number;
  /** UTC, with the microseconds PostgreSQL stores; null when the event itself is gone. */
  createdAt: string | null;
  reason: ChainBreakReason;
  expected: string | null;
  found: string | null;
};

/** A tree head someone kept outside the database (an export's manifest, a published head): the log must still contain it. */
export type KnownTreeHead = { treeSize: number; rootHash: string };

export type AuditChainVerification = {
  isIntact: boolean;
  checkedCount: number;
  /** Events in the Merkle tree, and events newer than the last seal (covered by their request's chain only until the next seal). */
  sealedCount: number;
  unsealedCount: number;
  /** The snapshot verified: the newest event when the run started (later events, including this run's own record, are left for the next run). */
  head: { eventId: number; hash: string | null } | null;
  /** The newest signed tree head checked, to keep elsewhere: a later check given it proves nothing it covers was removed. */
  treeHead: SignedTreeHead | null;
  publicKeyFingerprint: string;
  firstBreak: ChainBreak | null;
};

export type VerifyAuditChainOptions = {
  /** A staff member with audit.read, or 'system' for the command line (whoever runs it owns the server). */
  actor: StaffActor | 'system';
  batchSize?: number;
  knownTreeHeads?: KnownTreeHead[];
  onProgress?: (progress: { checkedCount: number; lastEventId: number; headEventId: number }) => void;
};

/**
 * Checks the whole audit log and names the first event where it breaks:
 * - every event's hash against its content and the event before it (of its request; before the
 *   switch to the Merkle tree, the event before it in the log);
 * - every sealed event's leaf, every leaf's event (a deleted event is named), and the Merkle root
 *   recomputed from the events against every signed tree head, whose signatures are checked with
 *   the log's public key. All heads are roots of prefixes of one recomputed tree, so consecutive
 *   heads are consistent (nothing sealed was changed, removed or reordered, the newest included);
 * - the head recorded by the previous check, and any heads given, are still prefixes of the log.
 * Rows are read in keyset batches, so memory is flat at any length. The run is itself recorded.
 */
export async function verifyAuditChain(
  db: Database,
  { actor, batchSize = 5000, knownTreeHeads = [], onProgress }: VerifyAuditChainOptions,
): Promise<AuditChainVerification> {
  if (actor !== 'system') assertCan(actor, 'audit.read');
  const publicKey = auditPublicKey();
  // Heads first, then the newest event: every head read covers only events at or below that event.
  const treeHeads = await listTreeHeads(db);
  const [state] = await db.execute<{ legacyThrough: string | null }>(
    sql`select legacy_chain_through_event_id::text as "legacyThrough" from audit_log_state`,
  );
  const legacyThrough = state?.legacyThrough ? BigInt(state.legacyThrough) : 0n;
  const [head] = await db
    .select({ eventId: requestEvents.id, hash: requestEvents.hash })
    .from(requestEvents)
    .orderBy(desc(requestEvents.id))
    .limit(1);
  const expectedHeads = [...treeHeads.map((treeHead) => ({ ...treeHead, isKept: false })), ...(await keptHeads(db, knownTreeHeads))].sort(
    (a, b) => a.treeSize - b.treeSize,
  );

  const candidates: ChainBreak[] = [];
  for (const treeHead of treeHeads) {
    if (
      treeHead.keyFingerprint !== publicKey.fingerprint ||
      !isSignatureValid(treeHeadMessage(treeHead), treeHead.signature, publicKey.base64)
    ) {
      candidates.push({
        eventId: treeHead.lastEventId,
        createdAt: null,
        reason: 'tree-head-signature-invalid',
        expected: publicKey.fingerprint,
        found: treeHead.keyFingerprint,
      });
      break;
    }
  }
  const [removed] = await db.execute<{ eventId: number; leafHash: string }>(sql`
    select l.event_id::int as "eventId", l.leaf_hash as "leafHash" from audit_log_leaves l
    where not exists (select 1 from request_events e where e.id = l.event_id) order by l.leaf_index limit 1
  `);
  if (removed)
    candidates.push({ eventId: removed.eventId, createdAt: null, reason: 'event-removed', expected: removed.leafHash, found: null });
  const lastSealedEventId = treeHeads.at(-1)?.lastEventId ?? 0;

  let checkedCount = 0;
  let sealedCount = 0;
  let unsealedCount = 0;
  let scanBreak: ChainBreak | null = null;
  const tree = new MerkleFrontier();
  let nextHead = 0;
  if (head) {
    let previousLogHash: string | null = null;
    let afterId = '0';
    const throughId = String(head.eventId);
    // The scan can stop at the first event past a break found above: nothing later can come first.
    const stopAfter = Math.min(...candidates.map((candidate) => candidate.eventId), Number.MAX_SAFE_INTEGER);
    scan: for (;;) {
      const batch = await readSealedBatch(db, { afterId, throughId, limit: batchSize });
      if (batch.length === 0) break;
      for (const event of batch) {
        if (Number(event.id) > stopAfter) break scan;
        checkedCount += 1;
        const at = (reason: ChainBreakReason, expected: string | null, found: string | null): ChainBreak => ({
          eventId: Number(event.id),
          createdAt: event.createdAt,
          reason,
          expected,
          found,
        });
        const recomputed = chainHash(event.previousHash, canonicalEventText(event));
        const expectedPrevious = BigInt(event.id) <= legacyThrough ? previousLogHash : event.requestPreviousHash;
        previousLogHash = event.hash;
        if (event.hash === null) {
          scanBreak = at('hash-missing', chainHash(expectedPrevious, canonicalEventText(event)), null);
          break scan;
        }
        if (event.previousHash !== expectedPrevious) {
          scanBreak = at('previous-hash-link-broken', expectedPrevious, event.previousHash);
          break scan;
        }
        if (recomputed !== event.hash) {
          scanBreak = at('hash-mismatch', recomputed, event.hash);
          break scan;
        }
        if (event.leafIndex === null) {
          if (Number(event.id) <= lastSealedEventId) {
            scanBreak = at('event-not-in-tree', null, event.hash);
            break scan;
          }
          unsealedCount += 1;
          continue;
        }
        const leaf = eventLeafHash(recomputed);
        if (leaf !== event.leafHash || Number(event.leafIndex) !== tree.size) {
          scanBreak = at('leaf-mismatch', `${tree.size}:${leaf}`, `${event.leafIndex}:${event.leafHash}`);
          break scan;
        }
        tree.append(leaf);
        sealedCount += 1;
        for (; nextHead < expectedHeads.length && expectedHeads[nextHead]!.treeSize <= tree.size; nextHead += 1) {
          const expected = expectedHeads[nextHead]!;
          if (expected.treeSize === tree.size && expected.rootHash !== tree.root()) {
            scanBreak = at(expected.isKept ? 'tree-head-lost' : 'tree-head-mismatch', expected.rootHash, tree.root());
            break scan;
          }
        }
      }
      afterId = batch.at(-1)!.id;
      onProgress?.({ checkedCount, lastEventId: Number(afterId), headEventId: head.eventId });
    }
  }
  if (!scanBreak && nextHead < expectedHeads.length && candidates.length === 0) {
    // A head covers more leaves than the log holds: its newest events (and their leaves) are gone.
    const lost = expectedHeads[nextHead]!;
    scanBreak = {
      eventId: 'lastEventId' in lost ? lost.lastEventId : (head?.eventId ?? 0),
      createdAt: null,
      reason: lost.isKept ? 'tree-head-lost' : 'tree-head-mismatch',
      expected: `${lost.treeSize}:${lost.rootHash}`,
      found: `${tree.size}:${tree.root()}`,
    };
  }
  const firstBreak = [...candidates, ...(scanBreak ? [scanBreak] : [])].sort((a, b) => a.eventId - b.eventId)[0] ?? null;

  const latestHead = treeHeads.at(-1) ?? null;
  const result: AuditChainVerification = {
    isIntact: firstBreak === null,
    checkedCount,
    sealedCount,
    unsealedCount,
    head: head ?? null,
    treeHead: latestHead,
    publicKeyFingerprint: publicKey.fingerprint,
    firstBreak,
  };
  await recordEvent(db, {
    requestId: null,
    actor: actor === 'system' ? { type: 'system' } : { type: 'staff', staffId: actor.staffId },
    action: 'audit_chain_verified',
    details: {
      isIntact: result.isIntact,
      checkedCount,
      sealedCount,
      unsealedCount,
      headEventId: head?.eventId ?? null,
      headHash: head?.hash ?? null,
      // Only an intact head is worth holding the log to next time.
      treeHead: latestHead && result.isIntact ? { treeSize: latestHead.treeSize, rootHash: latestHead.rootHash } : null,
      firstBreak: firstBreak ? { eventId: firstBreak.eventId, reason: firstBreak.reason } : null,
    },
  });
  return result;
}

/** Heads kept outside the tree-head table: the caller's, and the one the previous intact check recorded. */
async function keptHeads(db: Database, knownTreeHeads: KnownTreeHead[]): Promise<(KnownTreeHead & { isKept: true })[]> {
  const [previous] = await db.execute<{ treeHead: KnownTreeHead | null }>(sql`
    select details->'treeHead' as "treeHead" from request_events
    where action = 'audit_chain_verified' and details->'treeHead' is not null and jsonb_typeof(details->'treeHead') = 'object'
    order by id desc limit 1
  `);
  return [...knownTreeHeads, ...(previous?.treeHead ? [previous.treeHead] : [])].map((kept) => ({
    treeSize: Number(kept.treeSize),
    rootHash: kept.rootHash,
    isKept: true as const,
  }));
}
