import { desc, eq } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '@/db/client';
import { fulfilmentRuns, type RequestRow } from '@/db/schema';
import { requestTypeRules } from '@/lib/validation/request-type';
import { type ActionCheck, allowed, refused } from './action-check';
import { checkTransition } from './assert-transition';

/**
 * Whether staff may close the request by hand now (fulfil or reject), beyond the state machine:
 * - never while an erasure runs (its outcome decides how the request closes);
 * - not fulfil an access or export request whose newest gathering built a package: releasing it is
 *   the one way to close then (the release takes extra files for data the sources do not cover), so
 *   the requester never gets a hand-picked answer while the gathered package sits unreleased.
 * fulfilRequest and rejectRequest refuse with this check; the request page offers the forms only when it allows them.
 */
export async function checkClosing(
  db: DatabaseOrTransaction,
  request: Pick<RequestRow, 'id' | 'status' | 'type'>,
  closing: 'fulfilled' | 'rejected',
): Promise<ActionCheck> {
  const transition = checkTransition(request.status, closing);
  if (!transition.isAllowed) return transition;
  const runs = await db
    .select({
      kind: fulfilmentRuns.kind,
      status: fulfilmentRuns.status,
      packageStorageKey: fulfilmentRuns.packageStorageKey,
      packageDeletedAt: fulfilmentRuns.packageDeletedAt,
    })
    .from(fulfilmentRuns)
    .where(eq(fulfilmentRuns.requestId, request.id))
    .orderBy(desc(fulfilmentRuns.createdAt));
  if (runs.some((run) => run.kind === 'erase' && run.status === 'running')) {
    return refused('CONFLICT', 'An erasure is running for this request: wait for it to finish; its outcome closes the request.');
  }
  const newestGather = runs.find((run) => run.kind === 'gather');
  if (
    closing === 'fulfilled' &&
    requestTypeRules[request.type].answer === 'data' &&
    newestGather?.status === 'succeeded' &&
    newestGather.packageStorageKey &&
    !newestGather.packageDeletedAt
  ) {
    return refused(
      'CONFLICT',
      'A data package is built for this request: release it to close the request (add any files the sources do not cover to the release).',
    );
  }
  return allowed;
}
