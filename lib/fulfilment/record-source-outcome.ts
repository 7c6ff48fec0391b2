import { eq } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { fulfilmentRuns, fulfilmentSourceResults, requests } from '@/db/schema';
import { type Actor, recordEvent } from '@/lib/audit/record-event';
import type { SourceOutcome } from './source-executor';
import { settleRun } from './settle-run';

/**
 * Stores one source's outcome with its audit event, then settles the run, in the
 * caller's transaction: an outcome is never recorded without its event, and the
 * run's next step (package, completion) is queued in the same commit.
 */
export async function recordSourceOutcome(
  tx: Transaction,
  {
    resultId,
    outcome,
    actor = { type: 'system' },
    note = null,
    now = new Date(),
  }: { resultId: string; outcome: SourceOutcome; actor?: Actor; note?: string | null; now?: Date },
): Promise<void> {
  const isFinal = outcome.status === 'succeeded' || outcome.status === 'failed';
  if (isFinal) {
    // The request's row lock first, as every staff action (changeRequest) takes it before the
    // audit chain's lock. Otherwise the audit event below would take the chain's lock and then
    // wait on the request row (its foreign key check, or completeErasure's update) while an
    // agent's transaction holds that row and waits for the chain: a deadlock, and the outcome lost.
    await tx
      .select({ id: requests.id })
      .from(requests)
      .innerJoin(fulfilmentRuns, eq(fulfilmentRuns.requestId, requests.id))
      .innerJoin(fulfilmentSourceResults, eq(fulfilmentSourceResults.runId, fulfilmentRuns.id))
      .where(eq(fulfilmentSourceResults.id, resultId))
      .for('update', { of: requests });
  }
  const [result] = await tx
    .update(fulfilmentSourceResults)
    .set({
      status: outcome.status,
      rowCounts: 'rowCounts' in outcome && outcome.rowCounts ? outcome.rowCounts : undefined,
      rowsDone: outcome.status === 'succeeded' && outcome.rowsDone !== undefined ? outcome.rowsDone : undefined,
      error: outcome.status === 'failed' ? outcome.error.slice(0, 2000) : null,
      callbackJobId: outcome.status === 'awaiting_callback' ? outcome.callbackJobId : undefined,
      stagedStorageKey: outcome.status === 'succeeded' && outcome.stagedStorageKey !== undefined ? outcome.stagedStorageKey : undefined,
      plan: outcome.status === 'succeeded' ? outcome.plan : undefined,
      proof: 'proof' in outcome ? outcome.proof : undefined,
      confirmedById: actor.type === 'staff' ? actor.staffId : undefined,
      note: note ?? undefined,
      finishedAt: isFinal ? now : null,
      updatedAt: now,
    })
    .where(eq(fulfilmentSourceResults.id, resultId))
    .returning();
  if (!isFinal) return;
  const [run] = await tx
    .select({ requestId: fulfilmentRuns.requestId, kind: fulfilmentRuns.kind })
    .from(fulfilmentRuns)
    .where(eq(fulfilmentRuns.id, result.runId));
  await recordEvent(tx, {
    requestId: run.requestId,
    actor,
    action: outcome.status === 'succeeded' ? 'source_succeeded' : 'source_failed',
    // Counts, the error text and the erasure's proof (counts again): never the rows themselves.
    details: {
      runId: result.runId,
      kind: run.kind,
      source: result.sourceName,
      ...(outcome.status === 'succeeded' ? { rowCounts: outcome.rowCounts } : { error: result.error }),
      ...('proof' in outcome && outcome.proof ? { proof: outcome.proof } : {}),
    },
  });
  await settleRun(tx, { runId: result.runId, now });
}
