import { and, eq, inArray } from 'drizzle-orm';
import type { Database, DatabaseOrTransaction } from '@/db/client';
import { fulfilmentRuns, type RequestRow, requests } from '@/db/schema';
import { recordEvent } from '@/lib/audit/record-event';
import { eventActorOf, type StaffActor } from '@/lib/staff/staff-actor';
import { type ActionCheck, allowed, assertAllowed, refused } from './action-check';
import { changeRequest } from './change-request';
import { isActive } from './request-status';

export type OfferCopyBeforeErasureOptions = { actor: StaffActor; reference: string; version: number };

/**
 * Staff offer the requester a copy of their data before it is erased (they asked by phone, or staff think
 * they would want it): the deletion then gathers and releases a copy, and erasure waits for it (checkErasure).
 */
export async function offerCopyBeforeErasure(db: Database, { actor, reference, version }: OfferCopyBeforeErasureOptions): Promise<void> {
  await changeRequest(db, { actor, permission: 'requests.work', reference, expectedVersion: version }, async (tx, request) => {
    assertAllowed(await checkOfferingCopy(tx, request));
    await tx.update(requests).set({ copyBeforeErasure: true }).where(eq(requests.id, request.id));
    await recordEvent(tx, { requestId: request.id, actor: eventActorOf(actor), action: 'copy_before_erasure_offered', details: {} });
  });
}

/** Whether a copy first may be offered now: an open deletion without one, whose erasure has not started. */
export async function checkOfferingCopy(
  db: DatabaseOrTransaction,
  request: Pick<RequestRow, 'id' | 'type' | 'status' | 'copyBeforeErasure'>,
): Promise<ActionCheck> {
  if (request.type !== 'deletion') return refused('INVALID_TRANSITION', 'Only a deletion request offers a copy before erasure.');
  if (request.copyBeforeErasure) return refused('INVALID_TRANSITION', 'A copy before erasure is already part of this request.');
  if (!isActive(request.status)) return refused('INVALID_TRANSITION', 'Only an open, confirmed request can be changed.');
  const [erasure] = await db
    .select({ id: fulfilmentRuns.id })
    .from(fulfilmentRuns)
    .where(
      and(
        eq(fulfilmentRuns.requestId, request.id),
        eq(fulfilmentRuns.kind, 'erase'),
        inArray(fulfilmentRuns.status, ['running', 'succeeded']),
      ),
    )
    .limit(1);
  if (erasure) return refused('INVALID_TRANSITION', 'The erasure has already started: there is nothing left to copy.');
  return allowed;
}
