import { and, eq, isNull } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { identityEvidence } from '@/db/schema';
import { getVerificationLevelSettings } from '@/lib/settings/get-verification-level-settings';

/**
 * Identity is decided (a staff check or an override): the request's uploaded documents and agent's
 * permission become due for deletion after the retention setting (default 7 days). Returns how many.
 * A request that closes undecided needs no call here: deleteExpiredEvidence counts from its closing.
 */
export async function scheduleEvidenceDeletion(tx: Transaction, { requestId, now }: { requestId: string; now: Date }): Promise<number> {
  const { evidenceRetentionDays } = await getVerificationLevelSettings(tx);
  const deleteAfter = new Date(now.getTime() + evidenceRetentionDays * 86_400_000);
  const scheduled = await tx
    .update(identityEvidence)
    .set({ deleteAfter })
    .where(and(eq(identityEvidence.requestId, requestId), isNull(identityEvidence.deleteAfter), isNull(identityEvidence.deletedAt)))
    .returning({ id: identityEvidence.id });
  return scheduled.length;
}
