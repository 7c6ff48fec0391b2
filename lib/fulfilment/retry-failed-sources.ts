// TEMPORARY: replaced by the erasure branch at merge
import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { fulfilmentRuns, fulfilmentSourceResults } from '@/db/schema';
import { recordEvent } from '@/lib/audit/record-event';
import { AppError } from '@/lib/errors/app-error';
import { enqueueJob } from '@/lib/jobs/enqueue-job';
import { changeRequest } from '@/lib/requests/change-request';
import type { StaffActor } from '@/lib/staff/staff-actor';

/** Runs a failed run's failed sources again; the sources that succeeded keep their outcome. */
export async function retryFailedSources(
  db: Database,
  { actor, reference, version, runId, now = new Date() }: { actor: StaffActor; reference: string; version: number; runId: string; now?: Date },
): Promise<void> {
  await changeRequest(db, { actor, permission: 'requests.work', reference, expectedVersion: version }, async (tx, request) => {
    const [run] = await tx.select().from(fulfilmentRuns).where(and(eq(fulfilmentRuns.id, runId), eq(fulfilmentRuns.requestId, request.id))).for('update');
    if (!run) throw new AppError('NOT_FOUND', 'No such run for this request.');
    if (run.status !== 'failed' || run.error) throw new AppError('INVALID_TRANSITION', 'Only a run with failed sources can be retried.');
    const failed = await tx
      .update(fulfilmentSourceResults)
      .set({ status: 'pending', error: null, finishedAt: null, updatedAt: now })
      .where(and(eq(fulfilmentSourceResults.runId, run.id), eq(fulfilmentSourceResults.status, 'failed')))
      .returning({ id: fulfilmentSourceResults.id, attempts: fulfilmentSourceResults.attempts, sourceName: fulfilmentSourceResults.sourceName });
    if (failed.length === 0) throw new AppError('INVALID_TRANSITION', 'No source failed in this run.');
    await tx.update(fulfilmentRuns).set({ status: 'running', finishedAt: null }).where(eq(fulfilmentRuns.id, run.id));
    for (const result of failed) await enqueueJob(tx, 'run-source', { sourceResultId: result.id }, { jobKey: `source:${result.id}:${result.attempts}`, maxAttempts: 1 });
    await recordEvent(tx, { requestId: request.id, actor: { type: 'staff', staffId: actor.staffId }, action: 'failed_sources_retried', details: { runId: run.id, sources: failed.map((result) => result.sourceName) } });
  });
}
