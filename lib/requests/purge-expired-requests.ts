import { and, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { revokeTokens } from '@/db/queries/request-tokens';
import { correctionAttachments, outboundEmails, requests } from '@/db/schema';
import { recordEvent } from '@/lib/audit/record-event';
import { deleteEvidenceFile } from '@/lib/verification/evidence-file';
import { assertTransition } from './assert-transition';

const BATCH_SIZE = 500;

/**
 * Requests never confirmed within the TTL expire and lose their personal data.
 * What stays for accountability: the keyed email hash, type, dates and events.
 * Runs in batches with SKIP LOCKED so several workers share the work and a
 * requester confirming at this very moment is never purged under them.
 */
export async function purgeExpiredRequests(db: Database, { now }: { now: Date }): Promise<number> {
  let total = 0;
  for (;;) {
    const { purged, proofKeys } = await db.transaction(async (tx) => {
      const batch = await tx
        .select({ id: requests.id, status: requests.status })
        .from(requests)
        .where(and(eq(requests.status, 'unverified'), lte(requests.unverifiedExpiresAt, now)))
        .limit(BATCH_SIZE)
        .for('update', { skipLocked: true });
      if (batch.length === 0) return { purged: 0, proofKeys: [] };
      for (const row of batch) assertTransition(row.status, 'expired', { when: 'verification_expired' });
      const ids = batch.map((row) => row.id);
      await tx
        .update(requests)
        .set({
          status: 'expired',
          email: null,
          fullName: null,
          accountIdentifier: null,
          agentName: null,
          agentEmail: null,
          agentOrganisation: null,
          declarationName: null,
          details: null,
          correctionFields: null,
          closedAt: now,
          purgedAt: now,
          updatedAt: now,
          version: sql`${requests.version} + 1`,
        })
        .where(inArray(requests.id, ids));
      // Unsent mail for these requests still holds the address and a link.
      await tx
        .update(outboundEmails)
        .set({ recipient: null, payload: null, status: 'failed', lastError: 'request expired before delivery' })
        .where(and(inArray(outboundEmails.requestId, ids), eq(outboundEmails.status, 'pending')));
      // A correction's proof documents: marked here, their files removed after the commit (a crash leaves an orphan file, never a dangling row).
      const proofs = await tx
        .update(correctionAttachments)
        .set({ deletedAt: now })
        .where(and(inArray(correctionAttachments.requestId, ids), isNull(correctionAttachments.deletedAt)))
        .returning({ storageKey: correctionAttachments.storageKey });
      for (const id of ids) {
        await revokeTokens(tx, { requestId: id, now });
        await recordEvent(tx, {
          requestId: id,
          actor: { type: 'system' },
          action: 'expired_and_purged',
          details: { reason: 'not verified in time' },
        });
      }
      return { purged: ids.length, proofKeys: proofs.map((row) => row.storageKey) };
    });
    for (const storageKey of proofKeys) await deleteEvidenceFile(storageKey);
    total += purged;
    if (purged < BATCH_SIZE) return total;
  }
}
