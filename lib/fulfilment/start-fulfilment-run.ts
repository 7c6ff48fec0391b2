import { and, asc, eq } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { type DataSourceRow, dataSources, fulfilmentRuns, fulfilmentSourceResults, type RequestRow } from '@/db/schema';
import { notifyProcessor } from '@/lib/processors/notify-processor';
import { ZProcessorSourceConfig } from '@/lib/validation/data-source';
import { recordEvent } from '@/lib/audit/record-event';
import { AppError } from '@/lib/errors/app-error';
import { enqueueJob } from '@/lib/jobs/enqueue-job';
import { requestTypeRules } from '@/lib/validation/request-type';
import { isActive } from '@/lib/requests/request-status';
import { runEventActions } from './run-event-actions';
import { settleRun } from './settle-run';
import { planIdentityChain } from '@/lib/data-sources/identity-chain';

/** Sources no job runs: an agent confirms a checklist item, a processor answers at its link. */
function isConfirmed(kind: DataSourceRow['kind']): boolean {
  return kind === 'manual' || kind === 'processor';
}

export type FulfilmentRunKind = 'gather' | 'dry_run' | 'erase';

export type StartFulfilmentRunOptions = {
  request: RequestRow;
  kind: FulfilmentRunKind;
  /** Null when the system starts it (a verified access request gathers by itself). */
  staffId: string | null;
  now?: Date;
  /**
   * Replaying a finished erasure after a backup was restored (replay-erasure.ts): only these sources,
   * and the request may already be closed (it was fulfilled by that erasure).
   */
  replayOf?: { sourceIds: string[] };
};

/**
 * Starts a run over every enabled source that serves this kind of work: a result
 * row per source and a job per automated source, on the caller's transaction, so
 * the run exists with its jobs or not at all. Manual sources wait for an agent
 * (in a dry run they have nothing to count and are done at once).
 * The caller holds the request's row lock (changeRequest), so two agents pressing
 * the button at once start one run, not two.
 */
export async function startFulfilmentRun(
  tx: Transaction,
  { request, kind, staffId, now = new Date(), replayOf }: StartFulfilmentRunOptions,
): Promise<{ runId: string }> {
  if (!replayOf && !isActive(request.status)) throw new AppError('INVALID_TRANSITION', 'This request is closed.');
  const { answer } = requestTypeRules[request.type];
  if (kind === 'gather' ? answer !== 'data' : answer !== 'erasure') {
    throw new AppError(
      'INVALID_TRANSITION',
      kind === 'gather' ? 'Only an access or export request gathers data.' : 'Only a deletion request is erased.',
    );
  }
  const [running] = await tx
    .select({ id: fulfilmentRuns.id })
    .from(fulfilmentRuns)
    .where(and(eq(fulfilmentRuns.requestId, request.id), eq(fulfilmentRuns.kind, kind), eq(fulfilmentRuns.status, 'running')));
  if (running) throw new AppError('CONFLICT', 'This is already running for this request. Wait for it to finish (progress is shown below).');

  const candidates = await tx
    .select()
    .from(dataSources)
    .where(
      and(eq(dataSources.isEnabled, true), kind === 'gather' ? eq(dataSources.usedForAccess, true) : eq(dataSources.usedForErasure, true)),
    )
    .orderBy(asc(dataSources.name));
  // A processor is told of erasures (and counted as nothing in a dry run); it holds nothing we could gather.
  const sources = candidates.filter(
    (source) => !(kind === 'gather' && source.kind === 'processor') && (!replayOf || replayOf.sourceIds.includes(source.id)),
  );
  if (sources.length === 0) {
    throw new AppError(
      'VALIDATION',
      `No data source is enabled for ${kind === 'gather' ? 'access requests' : 'erasure'}. An admin adds them under Settings → Data sources.`,
    );
  }

  // Sources found through identities others yield wait for them; those nothing can search fail at once, with why.
  const chain = planIdentityChain(sources);
  const linkOf = (sourceId: string) => chain.links.find((link) => link.sourceId === sourceId)!;
  const [run] = await tx
    .insert(fulfilmentRuns)
    .values({ requestId: request.id, kind, startedById: staffId, createdAt: now })
    .returning({ id: fulfilmentRuns.id });
  const results = await tx
    .insert(fulfilmentSourceResults)
    .values(
      sources.map((source) => {
        const { blocked, waitsFor } = linkOf(source.id);
        if (blocked)
          return {
            runId: run.id,
            sourceId: source.id,
            sourceName: source.name,
            sourceKind: source.kind,
            status: 'failed' as const,
            error: `Not searched. ${blocked}. An admin fixes the sources' identities under Settings → Data sources.`,
            awaitsSourceIds: waitsFor,
            finishedAt: now,
          };
        return {
          runId: run.id,
          sourceId: source.id,
          sourceName: source.name,
          sourceKind: source.kind,
          status: !isConfirmed(source.kind)
            ? ('pending' as const)
            : kind === 'dry_run'
              ? ('succeeded' as const)
              : ('awaiting_confirmation' as const),
          awaitsSourceIds: waitsFor,
          finishedAt: isConfirmed(source.kind) && kind === 'dry_run' ? now : null,
        };
      }),
    )
    .returning({
      id: fulfilmentSourceResults.id,
      sourceId: fulfilmentSourceResults.sourceId,
      kind: fulfilmentSourceResults.sourceKind,
      status: fulfilmentSourceResults.status,
      awaitsSourceIds: fulfilmentSourceResults.awaitsSourceIds,
    });
  for (const result of results) {
    // A source that waits for others gets its job when they finish (recordSourceOutcome).
    if (!isConfirmed(result.kind) && result.status === 'pending' && result.awaitsSourceIds.length === 0)
      await enqueueJob(tx, 'run-source', { sourceResultId: result.id }, { jobKey: `source:${result.id}:0`, maxAttempts: 5 });
    if (result.kind === 'processor' && result.status === 'awaiting_confirmation') {
      const source = sources.find((candidate) => candidate.id === result.sourceId)!;
      await notifyProcessor(tx, {
        resultId: result.id,
        request,
        config: ZProcessorSourceConfig.parse(source.config),
        kind: 'notice',
        firstSentAt: now,
        now,
      });
    }
  }
  await recordEvent(tx, {
    requestId: request.id,
    actor: staffId ? { type: 'staff', staffId } : { type: 'system' },
    action: runEventActions[kind].started,
    details: {
      runId: run.id,
      ...(replayOf ? { isReplay: true } : {}),
      sources: chain.links.map((link) => link.name),
      ...(chain.links.some((link) => link.blocked)
        ? { notSearched: chain.links.filter((link) => link.blocked).map((link) => ({ source: link.name, reason: link.blocked })) }
        : {}),
    },
  });
  await settleRun(tx, { runId: run.id, now });
  return { runId: run.id };
}
