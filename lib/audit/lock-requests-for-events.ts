import { asc, inArray } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '@/db/client';
import { requests } from '@/db/schema';

/**
 * For a transaction about to record events on several requests (a clean-up batch):
 * takes every request's row lock up front, in id order. The chaining trigger takes each
 * one (FOR NO KEY UPDATE) as its event is written; taken one by one in the batch's own
 * order, two batches (or a batch and a staff action holding one request while it records
 * on another) could each hold a row the other waits for.
 */
export async function lockRequestsForEvents(tx: DatabaseOrTransaction, requestIds: string[]): Promise<void> {
  const ids = [...new Set(requestIds)];
  if (ids.length === 0) return;
  await tx.select({ id: requests.id }).from(requests).where(inArray(requests.id, ids)).orderBy(asc(requests.id)).for('no key update');
}
