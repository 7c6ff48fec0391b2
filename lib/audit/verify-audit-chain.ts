import { desc } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { requestEvents } from '@/db/schema';
import { assertCan, type StaffActor } from '@/lib/staff/staff-actor';
import type { ChainBreakReason } from './break-reason-labels';
import { canonicalEventText, chainHash } from './canonical-event-text';
import { readChainBatch } from './read-chain-batch';
import { recordEvent } from './record-event';

export type ChainBreak = {
  eventId: number;
  /** UTC, with the microseconds PostgreSQL stores. */
  createdAt: string;
  reason: ChainBreakReason;
  expected: string | null;
  found: string | null;
};

export type AuditChainVerification = {
  isIntact: boolean;
  checkedCount: number;
  /** The snapshot verified: the newest event when the run started (later events, including this run's own record, are left for the next run). */
  head: { eventId: number; hash: string | null } | null;
  firstBreak: ChainBreak | null;
};

export type VerifyAuditChainOptions = {
  /** A staff member with audit.read, or 'system' for the command line (whoever runs it owns the server). */
  actor: StaffActor | 'system';
  batchSize?: number;
  onProgress?: (progress: { checkedCount: number; lastEventId: number; headEventId: number }) => void;
};

/**
 * Recomputes the audit chain from the first event to the head taken at the start and
 * names the first event where it breaks. Rows are read in keyset batches, so memory
 * is flat at any length. The run itself is recorded as an audit event afterwards,
 * which extends the chain beyond the snapshot verified.
 *
 * Removing the newest events leaves a shorter chain that is still intact: only a head
 * kept elsewhere (an export's recorded head, this run's own event) can show that.
 */
export async function verifyAuditChain(db: Database, { actor, batchSize = 5000, onProgress }: VerifyAuditChainOptions): Promise<AuditChainVerification> {
  if (actor !== 'system') assertCan(actor, 'audit.read');
  // The newest row whatever its hash, so an event written with the trigger disabled is still checked.
  const [head] = await db.select({ eventId: requestEvents.id, hash: requestEvents.hash }).from(requestEvents).orderBy(desc(requestEvents.id)).limit(1);
  let checkedCount = 0;
  let firstBreak: ChainBreak | null = null;

  if (head) {
    let expectedPreviousHash: string | null = null;
    let afterId = '0';
    const throughId = String(head.eventId);
    scan: for (;;) {
      const batch = await readChainBatch(db, { afterId, throughId, limit: batchSize });
      if (batch.length === 0) break;
      for (const event of batch) {
        checkedCount += 1;
        const where = { eventId: Number(event.id), createdAt: event.createdAt };
        if (event.hash === null) {
          firstBreak = { ...where, reason: 'hash-missing', expected: chainHash(expectedPreviousHash, canonicalEventText(event)), found: null };
          break scan;
        }
        if (event.previousHash !== expectedPreviousHash) {
          firstBreak = { ...where, reason: 'previous-hash-link-broken', expected: expectedPreviousHash, found: event.previousHash };
          break scan;
        }
        const recomputed = chainHash(event.previousHash, canonicalEventText(event));
        if (recomputed !== event.hash) {
          firstBreak = { ...where, reason: 'hash-mismatch', expected: recomputed, found: event.hash };
          break scan;
        }
        expectedPreviousHash = event.hash;
      }
      afterId = batch[batch.length - 1]!.id;
      onProgress?.({ checkedCount, lastEventId: Number(afterId), headEventId: head.eventId });
    }
  }

  const result: AuditChainVerification = { isIntact: firstBreak === null, checkedCount, head: head ?? null, firstBreak };
  await recordEvent(db, {
    requestId: null,
    actor: actor === 'system' ? { type: 'system' } : { type: 'staff', staffId: actor.staffId },
    action: 'audit_chain_verified',
    details: {
      isIntact: result.isIntact,
      checkedCount,
      headEventId: head?.eventId ?? null,
      headHash: head?.hash ?? null,
      firstBreak: firstBreak ? { eventId: firstBreak.eventId, reason: firstBreak.reason } : null,
    },
  });
  return result;
}
