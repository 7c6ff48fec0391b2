import { and, asc, eq } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { type DataSourceRow, dataSources, fulfilmentRuns, fulfilmentSourceResults, type RequestRow } from '@/db/schema';
import { recordEvent } from '@/lib/audit/record-event';
import { AppError } from '@/lib/errors/app-error';
import { enqueueJob } from '@/lib/jobs/enqueue-job';
import { hasOptOutAction } from '@/lib/data-sources/map/correct-and-opt-out-sql';
import { isDatabaseKind } from '@/lib/validation/data-source-form';
import { isOptOutType } from '@/lib/validation/data-source';
import { requestTypeRules } from '@/lib/validation/request-type';
import { isActive } from '@/lib/requests/request-status';
import { runEventActions } from './run-event-actions';
import { settleRun } from './settle-run';

export type FulfilmentRunKind = 'gather' | 'dry_run' | 'erase' | 'correct' | 'opt_out';

export type StartFulfilmentRunOptions = {
  request: RequestRow;
  kind: FulfilmentRunKind;
  /** Null when the system starts it (a verified access request gathers by itself). */
  staffId: string | null;
  now?: Date;
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
  { request, kind, staffId, now = new Date() }: StartFulfilmentRunOptions,
): Promise<{ runId: string }> {
  if (!isActive(request.status)) throw new AppError('INVALID_TRANSITION', 'This request is closed.');
  const refusal = refusalFor(request, kind);
  if (refusal) throw new AppError('INVALID_TRANSITION', refusal);
  const [running] = await tx
    .select({ id: fulfilmentRuns.id })
    .from(fulfilmentRuns)
    .where(and(eq(fulfilmentRuns.requestId, request.id), eq(fulfilmentRuns.kind, kind), eq(fulfilmentRuns.status, 'running')));
  if (running) throw new AppError('CONFLICT', 'This is already running for this request. Wait for it to finish (progress is shown below).');

  const sources = (
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
  if (sources.length === 0) {
    throw new AppError('VALIDATION', `${noSourceMessages[kind]} An admin adds them under Settings → Data sources.`);
  }

  const [run] = await tx
    .insert(fulfilmentRuns)
    .values({ requestId: request.id, kind, startedById: staffId, createdAt: now })
    .returning({ id: fulfilmentRuns.id });
  const results = await tx
    .insert(fulfilmentSourceResults)
    .values(
      sources.map((source) => ({
        runId: run.id,
        sourceId: source.id,
        sourceName: source.name,
        sourceKind: source.kind,
        status:
          source.kind !== 'manual'
            ? ('pending' as const)
            : kind === 'dry_run'
              ? ('succeeded' as const)
              : ('awaiting_confirmation' as const),
        finishedAt: source.kind === 'manual' && kind === 'dry_run' ? now : null,
      })),
    )
    .returning({ id: fulfilmentSourceResults.id, kind: fulfilmentSourceResults.sourceKind });
  for (const result of results) {
    if (result.kind !== 'manual')
      await enqueueJob(tx, 'run-source', { sourceResultId: result.id }, { jobKey: `source:${result.id}:0`, maxAttempts: 5 });
  }
  await recordEvent(tx, {
    requestId: request.id,
    actor: staffId ? { type: 'staff', staffId } : { type: 'system' },
    action: runEventActions[kind].started,
    details: { runId: run.id, sources: sources.map((source) => source.name) },
  });
  await settleRun(tx, { runId: run.id, now });
  return { runId: run.id };
}

const noSourceMessages: Record<FulfilmentRunKind, string> = {
  gather: 'No data source is enabled for access requests.',
  dry_run: 'No data source is enabled for erasure.',
  erase: 'No data source is enabled for erasure.',
  correct: 'No webhook or checklist source is enabled (database sources are corrected value by value above).',
  opt_out: 'No source is enabled that applies this opt-out (a database source needs an optOut action for it in its map).',
};

/** Why this request cannot have this kind of run (null when it can): the type's answer decides (requestTypeRules). */
function refusalFor(request: RequestRow, kind: FulfilmentRunKind): string | null {
  const { answer, isOptOut } = requestTypeRules[request.type];
  if (kind === 'gather') return answer === 'data' ? null : 'Only an access or export request gathers data.';
  if (kind === 'correct') return request.type === 'correction' ? null : 'Only a correction request is sent to sources as a correction.';
  if (kind === 'opt_out') return isOptOut ? null : 'Only an opt-out, limit or unsubscribe request is applied as an opt-out.';
  return answer === 'erasure' ? null : 'Only a deletion request is erased.';
}

/**
 * Which enabled sources a run visits. Corrections and opt-outs change live data, so they go to
 * the webhook and checklist sources that hold it (those used for access: a backup that is never
 * read for access takes no correction either) and, for an opt-out, to a database source whose
 * map says what this opt-out sets. A database source is corrected value by value by the agent
 * (apply-correction.ts), never by a correction run.
 */
function takesPart(source: DataSourceRow, kind: FulfilmentRunKind, type: RequestRow['type']): boolean {
  if (kind !== 'correct' && kind !== 'opt_out') return true;
  if (!isDatabaseKind(source.kind)) return source.usedForAccess;
  return kind === 'opt_out' && 'map' in source.config && isOptOutType(type) && hasOptOutAction(source.config.map, type);
}
