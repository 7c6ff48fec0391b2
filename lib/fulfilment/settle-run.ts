import { eq } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { fulfilmentRuns, fulfilmentSourceResults } from '@/db/schema';
import { recordEvent } from '@/lib/audit/record-event';
import { enqueueJob } from '@/lib/jobs/enqueue-job';
import { completeErasure } from './complete-erasure';
import { completeOptOut } from './complete-opt-out';
import { completeRestrictionOrObjection } from './complete-restriction-or-objection';
import { runEventActions } from './run-event-actions';

const finalStatuses = new Set(['succeeded', 'failed']);

/**
 * Decides a run once every source has a final outcome: failed if any source
 * failed (the request stays open, "Retry failed sources" offered); otherwise a
 * gather goes on to build its package, a dry run or a correction run is done, and an
 * erasure, an opt-out, a restriction or an objection closes the request. Called after each source outcome, on that outcome's transaction.
 *
 * The run row is locked first: two sources finishing at once would otherwise each
 * read the other as unfinished and nobody would settle the run. Under READ
 * COMMITTED, the results read after the lock include the other's committed outcome.
 */
export async function settleRun(tx: Transaction, { runId, now = new Date() }: { runId: string; now?: Date }): Promise<void> {
  const [run] = await tx.select().from(fulfilmentRuns).where(eq(fulfilmentRuns.id, runId)).for('update');
  if (!run || run.status !== 'running') return;
  const results = await tx.select().from(fulfilmentSourceResults).where(eq(fulfilmentSourceResults.runId, runId));
  if (!results.every((result) => finalStatuses.has(result.status))) return;

  const failed = results.filter((result) => result.status === 'failed');
  if (failed.length > 0) {
    await tx.update(fulfilmentRuns).set({ status: 'failed', finishedAt: now }).where(eq(fulfilmentRuns.id, runId));
    await recordEvent(tx, {
      requestId: run.requestId,
      actor: { type: 'system' },
      action: runEventActions[run.kind].failed,
      details: { runId, failedSources: failed.map((result) => result.sourceName) },
    });
    return;
  }
  if (run.kind === 'gather') {
    // Stays running until the package is assembled; the build job finishes it.
    await enqueueJob(tx, 'build-package', { runId }, { jobKey: `package:${runId}`, maxAttempts: 3 });
    return;
  }
  await tx.update(fulfilmentRuns).set({ status: 'succeeded', finishedAt: now }).where(eq(fulfilmentRuns.id, runId));
  await recordEvent(tx, {
    requestId: run.requestId,
    actor: { type: 'system' },
    action: runEventActions[run.kind].succeeded,
    details: { runId, sources: results.map((result) => ({ source: result.sourceName, rowCounts: result.rowCounts })) },
  });
  if (run.kind === 'erase') await completeErasure(tx, { run, results, now });
  if (run.kind === 'opt_out') await completeOptOut(tx, { run, results, now });
  if (run.kind === 'restrict' || run.kind === 'object') await completeRestrictionOrObjection(tx, { run, results, now });
}
