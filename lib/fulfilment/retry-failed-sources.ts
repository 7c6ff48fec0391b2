import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db/client';
import { dataSources, fulfilmentRuns, fulfilmentSourceResults } from '@/db/schema';
import { planIdentityChain } from '@/lib/data-sources/identity-chain';
import { settleRun } from '@/lib/fulfilment/settle-run';
import { notifyProcessor } from '@/lib/processors/notify-processor';
import { processorTopicOf } from '@/lib/processors/processor-topics';
import { ZProcessorSourceConfig } from '@/lib/validation/data-source';
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
        awaitsSourceIds: fulfilmentSourceResults.awaitsSourceIds,
        sourceId: fulfilmentSourceResults.sourceId,
        kind: fulfilmentSourceResults.sourceKind,
      });
    if (retried.length === 0)
      throw new AppError('INVALID_TRANSITION', 'No source failed in this run, so there is nothing to retry. Start a new run instead.');

    await tx.update(fulfilmentRuns).set({ status: 'running', finishedAt: null, error: null }).where(eq(fulfilmentRuns.id, run.id));
    const succeeded = new Set(
      (
        await tx
          .select({ sourceId: fulfilmentSourceResults.sourceId })
          .from(fulfilmentSourceResults)
          .where(and(eq(fulfilmentSourceResults.runId, run.id), eq(fulfilmentSourceResults.status, 'succeeded')))
      ).map((result) => result.sourceId),
    );
    // A source found through one retried with it waits for that one again (recordSourceOutcome releases it); one that
    // could never be released (its sources wait in a loop, or for a source not retried) stays failed, its reason kept.
    const retriedSourceIds = new Map(retried.map((result) => [result.id, result.sourceId]));
    const runSources = await tx
      .select({ id: dataSources.id, name: dataSources.name, config: dataSources.config })
      .from(fulfilmentSourceResults)
      .innerJoin(dataSources, eq(dataSources.id, fulfilmentSourceResults.sourceId))
      .where(eq(fulfilmentSourceResults.runId, run.id));
    const blocked = new Set(
      planIdentityChain(runSources)
        .links.filter((link) => link.blocked)
        .map((link) => link.sourceId),
    );
    const releasable = new Set<string>(succeeded);
    for (let changed = true; changed; ) {
      changed = false;
      for (const result of retried) {
        const sourceId = retriedSourceIds.get(result.id)!;
        if (!releasable.has(sourceId) && !blocked.has(sourceId) && result.awaitsSourceIds.every((awaited) => releasable.has(awaited))) {
          releasable.add(sourceId);
          changed = true;
        }
      }
    }
    for (const result of retried) {
      if (!releasable.has(retriedSourceIds.get(result.id)!)) {
        await tx
          .update(fulfilmentSourceResults)
          .set({ status: 'failed', finishedAt: now })
          .where(eq(fulfilmentSourceResults.id, result.id));
        continue;
      }
      if (!result.awaitsSourceIds.every((sourceId) => succeeded.has(sourceId))) continue;
      const topic = processorTopicOf(run.kind);
      if (result.kind === 'processor' && topic) {
        // Chased after the cut-off: a new email with a new link and a new clock.
        await tx
          .update(fulfilmentSourceResults)
          .set({ status: 'awaiting_confirmation', startedAt: now, updatedAt: now })
          .where(eq(fulfilmentSourceResults.id, result.id));
        const [source] = await tx.select().from(dataSources).where(eq(dataSources.id, result.sourceId));
        await notifyProcessor(tx, {
          resultId: result.id,
          request,
          config: ZProcessorSourceConfig.parse(source!.config),
          topic,
          kind: 'notice',
          firstSentAt: now,
          now,
        });
        continue;
      }
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
    // Every retried source may have stayed failed (nothing can search it): the run is failed again, not left running.
    await settleRun(tx, { runId: run.id, now });
  });
}
