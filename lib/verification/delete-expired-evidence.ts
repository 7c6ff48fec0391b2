import { and, asc, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { identityEvidence, requests } from '@/db/schema';
import { lockRequestsForEvents } from '@/lib/audit/lock-requests-for-events';
import { recordEvent } from '@/lib/audit/record-event';
import { getVerificationLevelSettings } from '@/lib/settings/get-verification-level-settings';
import { deleteEvidenceFile } from './evidence-file';

const BATCH_SIZE = 100;

/**
 * Identity documents and agents' signed permissions are kept only as long as the decision needs them
 * (GDPR Art. 5(1)(c), (e)): past their deleteAfter (set when identity is decided), or the same retention
 * period after the request closed if it closed undecided (fulfilled, rejected, cancelled or expired
 * without a staff check: every way of closing, without each having to schedule it), the bytes go and the row stays as the record that the evidence existed and was
 * checked, with an audit event. Marked in one transaction, removed from storage after commit (a crash
 * between leaves an unreadable encrypted orphan, never a row pointing at a live document).
 */
export async function deleteExpiredEvidence(db: Database, { now }: { now: Date }): Promise<number> {
  const { evidenceRetentionDays } = await getVerificationLevelSettings(db);
  const closedBefore = new Date(now.getTime() - evidenceRetentionDays * 86_400_000);
  // Due when its decision's retention ran out, or, never decided, when its request's closing is that old.
  const isDue = or(lt(identityEvidence.deleteAfter, now), and(isNull(identityEvidence.deleteAfter), lt(requests.closedAt, closedBefore)));
  let deleted = 0;
  for (;;) {
    const batch = await db.transaction(async (tx) => {
      const due = await tx
        .select({
          id: identityEvidence.id,
          requestId: identityEvidence.requestId,
          storageKey: identityEvidence.storageKey,
          sizeBytes: identityEvidence.sizeBytes,
          kind: identityEvidence.kind,
          isUndecided: sql<boolean>`${identityEvidence.deleteAfter} is null`,
        })
        .from(identityEvidence)
        .innerJoin(requests, eq(requests.id, identityEvidence.requestId))
        .where(and(isNull(identityEvidence.deletedAt), isDue))
        .orderBy(asc(identityEvidence.uploadedAt))
        .limit(BATCH_SIZE)
        .for('update', { of: identityEvidence, skipLocked: true });
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
          details: {
            evidenceId: row.id,
            kind: row.kind,
            sizeBytes: row.sizeBytes,
            reason: row.isUndecided
              ? 'retention period after the request closed ended'
              : 'retention period after the identity decision ended',
          },
        });
      }
      return due;
    });
    for (const row of batch) await deleteEvidenceFile(row.storageKey);
    deleted += batch.length;
    if (batch.length < BATCH_SIZE) return deleted;
  }
}
