import { eq } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '@/db/client';
import { fulfilmentRuns, type RequestRow } from '@/db/schema';
import { type ActionCheck, allowed, refused } from './action-check';
import { checkTransition } from './assert-transition';

/**
 * Whether staff may close the request by hand now (fulfil or reject), beyond the state machine:
 * never while an erasure runs (its outcome decides how the request closes), and an access request
 * whose package is built closes one way only, by releasing that package. fulfilRequest and
 * rejectRequest refuse with this check; the request page offers the forms only when it allows them.
 */
export async function checkClosing(
  db: DatabaseOrTransaction,
  request: Pick<RequestRow, 'id' | 'status'>,
  closing: 'fulfilled' | 'rejected',
): Promise<ActionCheck> {
  const transition = checkTransition(request.status, closing);
  if (!transition.isAllowed) return transition;
  const runs = await db
    .select({ kind: fulfilmentRuns.kind, status: fulfilmentRuns.status, packageStorageKey: fulfilmentRuns.packageStorageKey })
    .from(fulfilmentRuns)
    .where(eq(fulfilmentRuns.requestId, request.id));
  if (runs.some((run) => run.kind === 'erase' && run.status === 'running')) {
    return refused('CONFLICT', 'An erasure is running for this request: wait for it to finish; its outcome closes the request.');
  }
  if (closing === 'fulfilled' && runs.some((run) => run.kind === 'gather' && run.status === 'succeeded' && run.packageStorageKey)) {
    return refused('INVALID_TRANSITION', 'A package is ready for this request: release it to the requester to close the request.');
  }
  return allowed;
}
