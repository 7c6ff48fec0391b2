import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { getNetworkSettings } from '@/lib/settings/get-network-settings';
import type { Database } from '@/db/client';
import {
  dataSources,
  type ErasurePlan,
  type FulfilmentSourceResultRow,
  fulfilmentRuns,
  fulfilmentSourceResults,
  requests,
} from '@/db/schema';
import { isOpen } from '@/lib/requests/request-status';
import { recordSourceOutcome } from './record-source-outcome';
import { sourceExecutors } from './source-executors';
import type { SourceOutcome } from './source-executor';

const PROGRESS_INTERVAL_MS = 1000;

/**
 * The `run-source` job: one source's step of a run. A duplicate job finds the
 * result no longer pending and does nothing; a job re-run after a worker crash
 * finds it `running` and runs it again (a PostgreSQL erasure is one transaction,
 * so a re-run after a crash either redoes it or finds nothing left to erase).
 * The source is called outside any transaction of ours: a slow source holds no
 * lock and no pool connection of the app's.
 * Returns the outcome recorded, or null when there was nothing to do (or a
 * webhook's callback recorded its outcome first).
 */
export async function runSource(
  db: Database,
  { sourceResultId, now = () => new Date() }: { sourceResultId: string; now?: () => Date },
): Promise<SourceOutcome | null> {
  if (!(await isReleased(db, sourceResultId))) return null;
  const [claimed] = await db
    .update(fulfilmentSourceResults)
    .set({ status: 'running', attempts: sql`${fulfilmentSourceResults.attempts} + 1`, startedAt: now(), updatedAt: now(), error: null })
    .where(and(eq(fulfilmentSourceResults.id, sourceResultId), inArray(fulfilmentSourceResults.status, ['pending', 'running'])))
    .returning();
  if (!claimed) return null;

  const [context] = await db
    .select({ run: fulfilmentRuns, request: requests, source: dataSources })
    .from(fulfilmentRuns)
    .innerJoin(requests, eq(requests.id, fulfilmentRuns.requestId))
    .innerJoin(dataSources, eq(dataSources.id, claimed.sourceId))
    .where(eq(fulfilmentRuns.id, claimed.runId));

  let outcome: SourceOutcome;
  if (!context.request.email) {
    outcome = { status: 'failed', error: "The requester's details are no longer held, so this source cannot be searched." };
  } else if (context.run.kind !== 'erase' && !isOpen(context.request.status)) {
    // Closed (fulfilled by hand, rejected, cancelled) before this source's turn: reading or counting
    // the person's data now would serve nobody. An erasure already under way is finished instead:
    // half an erasure is worse than a whole one.
    outcome = { status: 'failed', error: 'The request was closed before this source was searched.' };
  } else {
    let lastProgressAt = 0;
    try {
      const identities = await identitiesFoundBefore(db, claimed);
      if (claimed.awaitsSourceIds.length > 0)
        await db
          .update(fulfilmentSourceResults)
          .set({ identities: { used: identities, found: {} } })
          .where(eq(fulfilmentSourceResults.id, sourceResultId));
      outcome = await sourceExecutors[context.source.kind]({
        request: context.request,
        subject: { email: context.request.email, accountIdentifier: context.request.accountIdentifier, identities },
        run: context.run,
        result: claimed,
        source: context.source,
        allowPrivateTargets: (await getNetworkSettings(db)).allowPrivateTargets,
        plan:
          context.run.kind === 'erase' ? await findDryRunPlan(db, { requestId: context.request.id, sourceId: context.source.id }) : null,
        reportProgress: async (rowsDone) => {
          if (Date.now() - lastProgressAt < PROGRESS_INTERVAL_MS) return;
          lastProgressAt = Date.now();
          await db
            .update(fulfilmentSourceResults)
            .set({ rowsDone, updatedAt: now() })
            .where(eq(fulfilmentSourceResults.id, sourceResultId));
        },
        saveCallbackJobId: async (callbackJobId) => {
          await db
            .update(fulfilmentSourceResults)
            .set({ callbackJobId, updatedAt: now() })
            .where(and(eq(fulfilmentSourceResults.id, sourceResultId), eq(fulfilmentSourceResults.status, 'running')));
        },
      });
    } catch (error) {
      outcome = { status: 'failed', error: describeSourceError(error) };
    }
  }
  const isRecorded = await db.transaction(async (tx) => {
    // A webhook's signed callback can settle the result while we still wait for its
    // 202 (it already holds the job id); then the callback's outcome stands. The
    // lock orders us after a callback that is committing right now.
    const [current] = await tx
      .select({ status: fulfilmentSourceResults.status })
      .from(fulfilmentSourceResults)
      .where(eq(fulfilmentSourceResults.id, sourceResultId))
      .for('update');
    if (current?.status !== 'running') return false;
    await recordSourceOutcome(tx, { resultId: sourceResultId, outcome, now: now() });
    return true;
  });
  return isRecorded ? outcome : null;
}

/** What the agent sees on the request page: the driver's message, never a stack trace. */
function describeSourceError(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return describeSourceError(error.errors[0]);
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

/** A source that waits for others (identity-chain.ts) runs only once they all succeeded; its job is queued then. */
async function isReleased(db: Database, sourceResultId: string): Promise<boolean> {
  const [result] = await db
    .select({ runId: fulfilmentSourceResults.runId, awaitsSourceIds: fulfilmentSourceResults.awaitsSourceIds })
    .from(fulfilmentSourceResults)
    .where(eq(fulfilmentSourceResults.id, sourceResultId));
  if (!result || result.awaitsSourceIds.length === 0) return true;
  const awaited = await db
    .select({ status: fulfilmentSourceResults.status })
    .from(fulfilmentSourceResults)
    .where(and(eq(fulfilmentSourceResults.runId, result.runId), inArray(fulfilmentSourceResults.sourceId, result.awaitsSourceIds)));
  return awaited.every((other) => other.status === 'succeeded');
}

/**
 * The named identities the sources this one waits for found in the same run (identity-chain.ts):
 * a CRM that knows only the shop's customer number is searched with the numbers the shop's rows held.
 */
async function identitiesFoundBefore(
  db: Database,
  result: Pick<FulfilmentSourceResultRow, 'runId' | 'awaitsSourceIds'>,
): Promise<Record<string, string[]>> {
  if (result.awaitsSourceIds.length === 0) return {};
  const earlier = await db
    .select({ identities: fulfilmentSourceResults.identities })
    .from(fulfilmentSourceResults)
    .where(
      and(
        eq(fulfilmentSourceResults.runId, result.runId),
        eq(fulfilmentSourceResults.status, 'succeeded'),
        inArray(fulfilmentSourceResults.sourceId, result.awaitsSourceIds),
      ),
    );
  const merged: Record<string, string[]> = {};
  for (const { identities } of earlier)
    for (const [name, values] of Object.entries(identities?.found ?? {}))
      merged[name] = [...new Set([...(merged[name] ?? []), ...values])].sort();
  return merged;
}

/** The plan the request's latest successful dry run stored for this source: what the erasure must find unchanged. */
async function findDryRunPlan(db: Database, { requestId, sourceId }: { requestId: string; sourceId: string }): Promise<ErasurePlan | null> {
  const [latest] = await db
    .select({ plan: fulfilmentSourceResults.plan })
    .from(fulfilmentRuns)
    .innerJoin(
      fulfilmentSourceResults,
      and(eq(fulfilmentSourceResults.runId, fulfilmentRuns.id), eq(fulfilmentSourceResults.sourceId, sourceId)),
    )
    .where(and(eq(fulfilmentRuns.requestId, requestId), eq(fulfilmentRuns.kind, 'dry_run'), eq(fulfilmentRuns.status, 'succeeded')))
    .orderBy(desc(fulfilmentRuns.createdAt))
    .limit(1);
  return latest?.plan ?? null;
}
