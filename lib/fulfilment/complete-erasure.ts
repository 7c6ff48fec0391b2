import type { Transaction } from '@/db/client';
import type { FulfilmentRunRow, FulfilmentSourceResultRow } from '@/db/schema';

/** PLACEHOLDER owned by the erasure work: closes the deletion request and emails the confirmation. */
export async function completeErasure(_tx: Transaction, _options: { run: FulfilmentRunRow; results: FulfilmentSourceResultRow[]; now: Date }): Promise<void> {
  throw new Error('completeErasure is not implemented yet');
}
