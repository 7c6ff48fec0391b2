import { and, asc, eq, isNull, lt } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { identityEvidence } from '@/db/schema';
import { lockRequestsForEvents } from '@/lib/audit/lock-requests-for-events';
import { recordEvent } from '@/lib/audit/record-event';
import { deleteEvidenceFile } from './evidence-file';

const BATCH_SIZE = 100;

/**
 * Identity documents are kept only as long as the decision needs them (GDPR Art. 5(1)(c), (e)): past
 * their deleteAfter the bytes go and the row stays as the record that the evidence existed and was
 * checked, with an audit event. Marked in one transaction, removed from storage after commit (a crash
 * between leaves an unreadable encrypted orphan, never a row pointing at a live document).
 */
export async function deleteExpiredEvidence(db: Database, { now }: { now: Date }): Promise<number> {
  let deleted = 0;
  for (;;) {
    const batch = await db.transaction(async (tx) => {
      const due = await tx
        .select({
          id: identityEvidence.id,
          requestId: identityEvidence.requestId,
          storageKey: identityEvidence.storageKey,
          sizeBytes: identityEvidence.sizeBytes,
        })
        .from(identityEvidence)
        .where(and(isNull(identityEvidence.deletedAt), lt(identityEvidence.deleteAfter, now)))
        .orderBy(asc(identityEvidence.deleteAfter))
        .limit(BATCH_SIZE)
        .for('update', { skipLocked: true });
      await lockRequestsForEvents(
        tx,
        due.map((row) => row.requestId),
      );
      for (const row of due) {
        await tx.update(identityEvidence).set({ deletedAt: now }).where(eq(identityEvidence.id, row.id));
        await recordEvent(tx, {
          requestId: row.requestId,
          actor: { type: 'system' },
          action: 'identity_evidence_deleted',
          details: { evidenceId: row.id, sizeBytes: row.sizeBytes, reason: 'retention period after the identity decision ended' },
        });
      }
      return due;
    });
    for (const row of batch) await deleteEvidenceFile(row.storageKey);
    deleted += batch.length;
    if (batch.length < BATCH_SIZE) return deleted;
  }
}
