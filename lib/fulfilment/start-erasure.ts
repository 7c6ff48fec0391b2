import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Database, DatabaseOrTransaction, Transaction } from '@/db/client';
import { dataSources, fulfilmentRuns, fulfilmentSourceResults, type RequestRow } from '@/db/schema';
import { type ActionCheck, allowed, assertAllowed, refused } from '@/lib/requests/action-check';
import { changeRequest } from '@/lib/requests/change-request';
import { isActive } from '@/lib/requests/request-status';
import { eventActorOf, type StaffActor } from '@/lib/staff/staff-actor';
import { requestTypeRules } from '@/lib/validation/request-type';
import { checkIdentityForAnswer } from '@/lib/verification/verification-requirement';
import { recordEvent } from '@/lib/audit/record-event';
import { findCopyRelease } from './find-copy-release';
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
    assertAllowed(await checkErasure(tx, request, now));
    const started = await startStaffRun(tx, { actor, request, kind: 'erase', now });
    if (request.copyBeforeErasure) await recordCopyWaitEnded(tx, { actor, request, now });
    if (message) await tx.update(fulfilmentRuns).set({ requesterMessage: message }).where(eq(fulfilmentRuns.id, started.runId));
    return started;
  });
}

/**
 * Whether erasure may start now, and if not why: startErasure refuses with this
 * check, and the request page disables Erase with its reason.
 */
export async function checkErasure(
  tx: DatabaseOrTransaction,
  request: Pick<
    RequestRow,
    | 'id'
    | 'type'
    | 'status'
    | 'verificationRequired'
    | 'verificationReached'
    | 'verificationDataPointsMatched'
    | 'verificationOverriddenAt'
    | 'copyBeforeErasure'
  >,
  now: Date = new Date(),
): Promise<ActionCheck> {
  if (requestTypeRules[request.type].answer !== 'erasure') return refused('INVALID_TRANSITION', 'Only a deletion request is erased.');
  // Deleting someone's data on a stranger's word is the harm identity checks exist to stop.
  const identity = checkIdentityForAnswer(request);
  if (!identity.isAllowed && isActive(request.status)) return identity;
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
  if (request.copyBeforeErasure) {
    const copyWait = await checkCopyWait(tx, request.id, now);
    if (!copyWait.isAllowed) return copyWait;
  }

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

/**
 * The requester asked for a copy before the erasure: the copy must be released first, and then downloaded
 * or left for the organisation's copy wait, so a copy they never opened is not destroyed with the data the next minute.
 */
async function checkCopyWait(tx: DatabaseOrTransaction, requestId: string, now: Date): Promise<ActionCheck> {
  const copy = await findCopyRelease(tx, { requestId, now });
  if (!copy)
    return refused(
      'INVALID_TRANSITION',
      'The requester asked for a copy of their data first: gather it and release the copy before erasing.',
    );
  if (!copy.unblockedBy) {
    return refused(
      'INVALID_TRANSITION',
      `The requester has not downloaded their copy yet: erasure is possible from ${formatInstant(copy.erasureFrom)}, or as soon as they download it.`,
    );
  }
  return allowed;
}

/** Which end of the copy wait let this erasure go: the download or the days passed (checkCopyWait allowed it). */
async function recordCopyWaitEnded(
  tx: Transaction,
  { actor, request, now }: { actor: StaffActor; request: Pick<RequestRow, 'id'>; now: Date },
): Promise<void> {
  const copy = await findCopyRelease(tx, { requestId: request.id, now });
  await recordEvent(tx, {
    requestId: request.id,
    actor: eventActorOf(actor),
    action: 'copy_wait_ended',
    details: {
      reason: copy?.unblockedBy ?? 'days_passed',
      releasedAt: copy?.releasedAt.toISOString(),
      erasureFrom: copy?.erasureFrom.toISOString(),
    },
  });
}

function formatInstant(instant: Date): string {
  return `${instant.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
