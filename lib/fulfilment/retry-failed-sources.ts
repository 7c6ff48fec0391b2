import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db/client';
import { fulfilmentRuns, fulfilmentSourceResults } from '@/db/schema';
import { recordEvent } from '@/lib/audit/record-event';
import { AppError } from '@/lib/errors/app-error';
import { enqueueJob } from '@/lib/jobs/enqueue-job';
import { changeRequest } from '@/lib/requests/change-request';
import { isOpen } from '@/lib/requests/request-status';
import { assertCan, type StaffActor } from '@/lib/staff/staff-actor';

export type RetryFailedSourcesOptions = { actor: StaffActor; reference: string; version: number; runId: string; now?: Date };

/**
 * Runs a run's failed sources again (the run failed, or is still waiting on others); the sources that succeeded are not
 * repeated (an erasure already done stays done). Only the request's latest run of
 * that kind, so an old run can't be revived beside a newer one. Each retry is a new
 * `run-source` job whose key carries the attempt number, so it is not merged with
 * the job of the attempt that failed.
 */
export async function retryFailedSources(
  db: Database,
  { actor, reference, version, runId, now = new Date() }: RetryFailedSourcesOptions,
): Promise<void> {
  assertCan(actor, 'requests.work');
  if (!z.uuid().safeParse(runId).success) throw new AppError('NOT_FOUND', 'No such run for this request.');
  await changeRequest(db, { actor, permission: 'requests.work', reference, expectedVersion: version }, async (tx, request) => {
    // Locked so a late outcome for this run (a webhook callback) can't settle it while it is reopened.
    const [run] = await tx
      .select()
      .from(fulfilmentRuns)
      .where(and(eq(fulfilmentRuns.id, runId), eq(fulfilmentRuns.requestId, request.id)))
      .for('update');
    if (!run) throw new AppError('NOT_FOUND', 'No such run for this request.');
    if (!isOpen(request.status)) throw new AppError('INVALID_TRANSITION', 'This request is closed.');
    const [latest] = await tx
      .select({ id: fulfilmentRuns.id })
      .from(fulfilmentRuns)
      .where(and(eq(fulfilmentRuns.requestId, request.id), eq(fulfilmentRuns.kind, run.kind)))
      .orderBy(desc(fulfilmentRuns.createdAt))
      .limit(1);
    if (latest?.id !== run.id) throw new AppError('INVALID_TRANSITION', 'A newer run has replaced this one. Retry from the latest run.');
    // A run still waiting on a checklist item (running) may already have a failed source: retrying it need not wait for the agent.
    if (run.status !== 'failed' && run.status !== 'running')
      throw new AppError('INVALID_TRANSITION', 'Only a run with a failed source can be retried.');

    const retried = await tx
      .update(fulfilmentSourceResults)
      .set({ status: 'pending', finishedAt: null, updatedAt: now })
      .where(and(eq(fulfilmentSourceResults.runId, run.id), eq(fulfilmentSourceResults.status, 'failed')))
      .returning({
        id: fulfilmentSourceResults.id,
        sourceName: fulfilmentSourceResults.sourceName,
        attempts: fulfilmentSourceResults.attempts,
      });
    if (retried.length === 0)
      throw new AppError('INVALID_TRANSITION', 'No source failed in this run, so there is nothing to retry. Start a new run instead.');

    await tx.update(fulfilmentRuns).set({ status: 'running', finishedAt: null, error: null }).where(eq(fulfilmentRuns.id, run.id));
    for (const result of retried) {
      await enqueueJob(
        tx,
        'run-source',
        { sourceResultId: result.id },
        { jobKey: `source:${result.id}:${result.attempts}`, maxAttempts: 5 },
      );
    }
    await recordEvent(tx, {
      requestId: request.id,
      actor: { type: 'staff', staffId: actor.staffId },
      action: 'sources_retried',
      details: { runId: run.id, kind: run.kind, sources: retried.map((result) => result.sourceName) },
    });
  });
}
