import { asc, inArray } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '@/db/client';
import { requests } from '@/db/schema';

/**
 * For a transaction about to record events on several requests (a clean-up batch):
 * takes every request's KEY SHARE lock up front, in id order, before the first event
 * takes the audit chain's lock. recordEvent takes each one too, but only once the
 * chain's lock is held from the batch's earlier events; a staff action holding one of
 * these requests and waiting for the chain would then deadlock with the batch.
 */
export async function lockRequestsForEvents(tx: DatabaseOrTransaction, requestIds: string[]): Promise<void> {
  const ids = [...new Set(requestIds)];
  if (ids.length === 0) return;
  await tx.select({ id: requests.id }).from(requests).where(inArray(requests.id, ids)).orderBy(asc(requests.id)).for('key share');
}
