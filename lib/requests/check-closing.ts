import { eq } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '@/db/client';
import { fulfilmentRuns, type RequestRow } from '@/db/schema';
import { type ActionCheck, allowed, refused } from './action-check';
import { checkTransition } from './assert-transition';

/**
 * Whether staff may close the request by hand now (fulfil or reject), beyond the state machine:
 * never while an erasure runs (its outcome decides how the request closes). fulfilRequest and
 * rejectRequest refuse with this check; the request page offers the forms only when it allows them.
 * (A built package is released as the primary action; fulfilling with uploaded files stays possible
 * from More actions, for data the sources do not cover.)
 */
export async function checkClosing(
  db: DatabaseOrTransaction,
  request: Pick<RequestRow, 'id' | 'status'>,
  closing: 'fulfilled' | 'rejected',
): Promise<ActionCheck> {
  const transition = checkTransition(request.status, closing);
  if (!transition.isAllowed) return transition;
  const runs = await db
    .select({ kind: fulfilmentRuns.kind, status: fulfilmentRuns.status })
    .from(fulfilmentRuns)
    .where(eq(fulfilmentRuns.requestId, request.id));
  if (runs.some((run) => run.kind === 'erase' && run.status === 'running')) {
    return refused('CONFLICT', 'An erasure is running for this request: wait for it to finish; its outcome closes the request.');
  }
  return allowed;
}
