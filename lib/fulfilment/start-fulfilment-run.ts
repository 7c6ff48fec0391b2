import { and, asc, eq } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { type DataSourceRow, dataSources, fulfilmentRuns, fulfilmentSourceResults, type RequestRow } from '@/db/schema';
import { notifyProcessor } from '@/lib/processors/notify-processor';
import { isProcessorRunKind, processorTopicOf } from '@/lib/processors/processor-topics';
import { ZProcessorSourceConfig } from '@/lib/validation/data-source';
import { recordEvent } from '@/lib/audit/record-event';
import { AppError } from '@/lib/errors/app-error';
import { enqueueJob } from '@/lib/jobs/enqueue-job';
import { hasProcessingFlagAction } from '@/lib/data-sources/map/correct-and-opt-out-sql';
import { isDatabaseKind } from '@/lib/validation/data-source-form';
import { isProcessingFlagType } from '@/lib/validation/data-source';
import { requestTypeRules } from '@/lib/validation/request-type';
import { isActive } from '@/lib/requests/request-status';
import { isProcessingFlagRun, type ProcessingFlagRunKind, processingFlagRunOf } from './processing-flag-runs';
import { runEventActions } from './run-event-actions';
import { settleRun } from './settle-run';
import { planIdentityChain } from '@/lib/data-sources/identity-chain';

/** Sources no job runs: an agent confirms a checklist item, a processor answers at its link. */
function isConfirmed(kind: DataSourceRow['kind']): boolean {
  return kind === 'manual' || kind === 'processor';
}

export type FulfilmentRunKind = 'gather' | 'dry_run' | 'erase' | 'correct' | 'opt_out' | 'restrict' | 'object';

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
  const refusal = refusalFor(request, kind);
  if (refusal) throw new AppError('INVALID_TRANSITION', refusal);
  const [running] = await tx
    .select({ id: fulfilmentRuns.id })
    .from(fulfilmentRuns)
    .where(and(eq(fulfilmentRuns.requestId, request.id), eq(fulfilmentRuns.kind, kind), eq(fulfilmentRuns.status, 'running')));
  if (running) throw new AppError('CONFLICT', 'This is already running for this request. Wait for it to finish (progress is shown below).');

  const candidates = (
    await tx
      .select()
      .from(dataSources)
      .where(
        and(
          eq(dataSources.isEnabled, true),
          kind === 'gather' ? eq(dataSources.usedForAccess, true) : undefined,
          kind === 'dry_run' || kind === 'erase' ? eq(dataSources.usedForErasure, true) : undefined,
        ),
      )
      .orderBy(asc(dataSources.name))
  ).filter((source) => takesPart(source, kind, request.type));
  // A processor is told of erasures and corrections (GDPR Art. 19; counted as nothing in a dry run); it holds
  // nothing we could gather, and is not told of opt-outs, restrictions or objections.
  const sources = candidates.filter(
    (source) => !(source.kind === 'processor' && !isProcessorRunKind(kind)) && (!replayOf || replayOf.sourceIds.includes(source.id)),
  );
  if (sources.length === 0) {
    throw new AppError('VALIDATION', `${noSourceMessages[kind]} An admin adds them under Settings → Data sources.`);
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
    const topic = processorTopicOf(kind);
    if (result.kind === 'processor' && result.status === 'awaiting_confirmation' && topic) {
      const source = sources.find((candidate) => candidate.id === result.sourceId)!;
      await notifyProcessor(tx, {
        resultId: result.id,
        request,
        config: ZProcessorSourceConfig.parse(source.config),
        topic,
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

const noSourceMessages: Record<FulfilmentRunKind, string> = {
  gather: 'No data source is enabled for access requests.',
  dry_run: 'No data source is enabled for erasure.',
  erase: 'No data source is enabled for erasure.',
  correct: 'No webhook, checklist or processor source is enabled (database sources are corrected value by value above).',
  opt_out: 'No source is enabled that applies this opt-out (a database source needs an optOut action for it in its map).',
  restrict: 'No source is enabled that applies a restriction (a database source needs a restriction action in its map).',
  object: 'No source is enabled that applies an objection (a database source needs an objection action in its map).',
};

/** Why this request cannot have this kind of run (null when it can): the type's answer decides (requestTypeRules). */
function refusalFor(request: RequestRow, kind: FulfilmentRunKind): string | null {
  const { answer } = requestTypeRules[request.type];
  // A deletion with a copy first (copyBeforeErasure) gathers the copy exactly as an access request does.
  if (kind === 'gather')
    return answer === 'data' || (answer === 'erasure' && request.copyBeforeErasure)
      ? null
      : 'Only an access or export request, or a deletion with a copy first, gathers data.';
  if (kind === 'correct') return request.type === 'correction' ? null : 'Only a correction request is sent to sources as a correction.';
  if (isProcessingFlagRun(kind)) return processingFlagRunOf(request.type) === kind ? null : processingFlagRefusals[kind];
  return answer === 'erasure' ? null : 'Only a deletion request is erased.';
}

const processingFlagRefusals: Record<ProcessingFlagRunKind, string> = {
  opt_out: 'Only an opt-out, limit or unsubscribe request is applied as an opt-out.',
  restrict: 'Only a restriction request is applied as a restriction.',
  object: 'Only an objection request is applied as an objection.',
};

/**
 * Which enabled sources a run visits. Corrections and processing flags (opt-outs, restrictions,
 * objections) change live data, so they go to the webhook and checklist sources that hold it (those
 * used for access: a backup that is never read for access takes no correction either), a correction
 * to every processor (Art. 19: each recipient is told of a rectification as of an erasure) and, for a
 * processing flag, to a database source whose map says what this request type sets. A database
 * source is corrected value by value by the agent (apply-correction.ts), never by a correction run.
 */
function takesPart(source: DataSourceRow, kind: FulfilmentRunKind, type: RequestRow['type']): boolean {
  if (kind !== 'correct' && !isProcessingFlagRun(kind)) return true;
  if (source.kind === 'processor') return kind === 'correct';
  if (!isDatabaseKind(source.kind)) return source.usedForAccess;
  return (
    isProcessingFlagRun(kind) && 'map' in source.config && isProcessingFlagType(type) && hasProcessingFlagAction(source.config.map, type)
  );
}
