import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { fulfilmentRuns, fulfilmentSourceResults } from '@/db/schema';
import { type Actor, recordEvent } from '@/lib/audit/record-event';

const STOPPED = 'Stopped: the request was closed before this source finished.';

/**
 * A request closed by hand (fulfilled with uploaded files, rejected, cancelled)
 * has no use for the gathering or dry run still under way: the sources not yet
 * done are marked failed and the run with them, so nothing reads as "running" on
 * a closed request, no package is built for nobody, and a late webhook callback
 * is refused. An erasure under way is left to finish: half an erasure is worse
 * than a whole one.
 *
 * Called on the closing transaction, which holds the request's row lock. Result
 * rows a source job holds right now (it is recording its outcome and waits for
 * that same request lock) are skipped, not waited for: waiting would deadlock. That
 * job then records into a run already failed, which settles nothing.
 */
export async function stopRunsOfClosedRequest(
  tx: Transaction,
  { requestId, actor, now }: { requestId: string; actor: Actor; now: Date },
): Promise<void> {
  const runs = await tx
    .select({ id: fulfilmentRuns.id, kind: fulfilmentRuns.kind })
    .from(fulfilmentRuns)
    .where(and(eq(fulfilmentRuns.requestId, requestId), eq(fulfilmentRuns.status, 'running'), ne(fulfilmentRuns.kind, 'erase')))
    .for('update');
  for (const run of runs) {
    const unfinished = await tx
      .select({ id: fulfilmentSourceResults.id })
      .from(fulfilmentSourceResults)
      .where(
        and(
          eq(fulfilmentSourceResults.runId, run.id),
          inArray(fulfilmentSourceResults.status, ['pending', 'running', 'awaiting_callback', 'awaiting_confirmation']),
        ),
      )
      .for('update', { skipLocked: true });
    if (unfinished.length > 0) {
      await tx
        .update(fulfilmentSourceResults)
        .set({ status: 'failed', error: STOPPED, finishedAt: now, updatedAt: now })
        .where(
          inArray(
            fulfilmentSourceResults.id,
            unfinished.map((result) => result.id),
          ),
        );
    }
    await tx
      .update(fulfilmentRuns)
      .set({ status: 'failed', error: 'Stopped: the request was closed.', finishedAt: now })
      .where(eq(fulfilmentRuns.id, run.id));
    await recordEvent(tx, {
      requestId,
      actor,
      action: 'fulfilment_run_stopped',
      details: { runId: run.id, kind: run.kind, stoppedSources: unfinished.length },
    });
  }
}
