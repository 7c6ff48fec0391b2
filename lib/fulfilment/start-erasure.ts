import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Database, DatabaseOrTransaction } from '@/db/client';
import { dataSources, fulfilmentRuns, fulfilmentSourceResults, type RequestRow } from '@/db/schema';
import { type ActionCheck, allowed, assertAllowed, refused } from '@/lib/requests/action-check';
import { changeRequest } from '@/lib/requests/change-request';
import { isActive } from '@/lib/requests/request-status';
import type { StaffActor } from '@/lib/staff/staff-actor';
import { requestTypeRules } from '@/lib/validation/request-type';
import { startStaffRun } from './start-staff-run';

export type StartErasureOptions = {
  actor: StaffActor;
  reference: string;
  version: number;
  /** The agent's words for the requester, added to the confirmation sent when the erasure completes. */
  message?: string;
  now?: Date;
};

/**
 * Erases the requester's data from every enabled source. Erasure cannot be undone,
 * so it is refused until the agent has seen a successful dry run over the same
 * sources, and refused again once an erasure is running or has succeeded. The
 * request's row lock (changeRequest) makes the check and the start one step: two
 * agents pressing Erase at once start one run.
 */
export async function startErasure(
  db: Database,
  { actor, reference, version, message, now = new Date() }: StartErasureOptions,
): Promise<{ runId: string }> {
  return changeRequest(db, { actor, permission: 'requests.work', reference, expectedVersion: version }, async (tx, request) => {
    assertAllowed(await checkErasure(tx, request));
    const started = await startStaffRun(tx, { actor, request, kind: 'erase', now });
    if (message) await tx.update(fulfilmentRuns).set({ requesterMessage: message }).where(eq(fulfilmentRuns.id, started.runId));
    return started;
  });
}

/**
 * Whether erasure may start now, and if not why: startErasure refuses with this
 * check, and the request page disables Erase with its reason.
 */
export async function checkErasure(tx: DatabaseOrTransaction, request: Pick<RequestRow, 'id' | 'type' | 'status'>): Promise<ActionCheck> {
  if (requestTypeRules[request.type].answer !== 'erasure') return refused('INVALID_TRANSITION', 'Only a deletion request is erased.');
  if (request.status === 'awaiting_requester') {
    return refused('INVALID_TRANSITION', 'This request is waiting for the requester. Resume work on it before erasing their data.');
  }
  const erasures = await tx
    .select({ status: fulfilmentRuns.status })
    .from(fulfilmentRuns)
    .where(
      and(
        eq(fulfilmentRuns.requestId, request.id),
        eq(fulfilmentRuns.kind, 'erase'),
        inArray(fulfilmentRuns.status, ['running', 'succeeded']),
      ),
    );
  if (erasures.some((run) => run.status === 'succeeded')) return refused('INVALID_TRANSITION', 'This data has already been erased.');
  if (erasures.length > 0)
    return refused('CONFLICT', 'An erasure is already running for this request. Wait for it to finish (progress is shown on the page).');
  if (!isActive(request.status)) return refused('INVALID_TRANSITION', 'This request is closed.');

  const [dryRun] = await tx
    .select({ id: fulfilmentRuns.id, status: fulfilmentRuns.status })
    .from(fulfilmentRuns)
    .where(and(eq(fulfilmentRuns.requestId, request.id), eq(fulfilmentRuns.kind, 'dry_run')))
    .orderBy(desc(fulfilmentRuns.createdAt))
    .limit(1);
  if (!dryRun) return refused('INVALID_TRANSITION', 'Run a dry run first: it shows what erasure would delete or anonymise in each system.');
  if (dryRun.status === 'running')
    return refused('INVALID_TRANSITION', 'The dry run is still running. Check its counts when it finishes, then erase.');
  if (dryRun.status !== 'succeeded')
    return refused(
      'INVALID_TRANSITION',
      'The last dry run failed. Retry its failed sources (or run it again) and check the counts before erasing.',
    );

  // The counts the agent checked must cover the systems erasure will touch now.
  const [checked, current] = await Promise.all([
    tx
      .select({ sourceId: fulfilmentSourceResults.sourceId })
      .from(fulfilmentSourceResults)
      .where(eq(fulfilmentSourceResults.runId, dryRun.id)),
    tx
      .select({ sourceId: dataSources.id })
      .from(dataSources)
      .where(and(eq(dataSources.isEnabled, true), eq(dataSources.usedForErasure, true))),
  ]);
  const checkedIds = new Set(checked.map((row) => row.sourceId));
  if (current.length !== checkedIds.size || current.some((row) => !checkedIds.has(row.sourceId))) {
    return refused(
      'INVALID_TRANSITION',
      'The data sources changed since the dry run. Run the dry run again and check its counts before erasing.',
    );
  }
  return allowed;
}
