import { eq, sql } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { fulfilmentRuns, fulfilmentSourceResults, requests } from '@/db/schema';
import { type Actor, recordEvent } from '@/lib/audit/record-event';
import type { SourceOutcome } from './source-executor';
import { settleRun } from './settle-run';
import { enqueueJob } from '@/lib/jobs/enqueue-job';

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
      identities:
        outcome.status === 'succeeded' && outcome.identities
          ? sql`jsonb_build_object('used', coalesce(${fulfilmentSourceResults.identities} -> 'used', '{}'::jsonb), 'found', ${JSON.stringify(outcome.identities)}::jsonb)`
          : undefined,
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
  await releaseWaitingSources(tx, { runId: result.runId, sourceId: result.sourceId, now });
  await settleRun(tx, { runId: result.runId, now });
}

/**
 * The sources of the run that waited for this one (they are searched by an identity it yields):
 * each whose every awaited source is now final gets its job, or fails at once if one of them
 * failed (searched without its identities it would find nothing and look erased). Outcomes of a
 * run are recorded one at a time under the request's row lock, so only the last awaited source
 * to finish releases a waiting one.
 */
async function releaseWaitingSources(
  tx: Transaction,
  { runId, sourceId, now }: { runId: string; sourceId: string; now: Date },
): Promise<void> {
  const results = await tx.select().from(fulfilmentSourceResults).where(eq(fulfilmentSourceResults.runId, runId));
  const waiting = results.filter((result) => result.status === 'pending' && result.awaitsSourceIds.includes(sourceId));
  for (const result of waiting) {
    const awaited = results.filter((other) => result.awaitsSourceIds.includes(other.sourceId));
    if (!awaited.every((other) => other.status === 'succeeded' || other.status === 'failed')) continue;
    const failed = awaited.filter((other) => other.status === 'failed');
    if (failed.length === 0) {
      await enqueueJob(
        tx,
        'run-source',
        { sourceResultId: result.id },
        { jobKey: `source:${result.id}:${result.attempts}`, maxAttempts: 5 },
      );
      continue;
    }
    await recordSourceOutcome(tx, {
      resultId: result.id,
      outcome: {
        status: 'failed',
        error: `Not searched: it is found through ${failed.map((other) => other.sourceName).join(', ')}, which failed. Retry the failed sources.`,
      },
      now,
    });
  }
}
