import { eq } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { deadlineReminders } from '@/db/schema';

/**
 * A due date that moves later (an extension, a restarted clock) needs its own
 * 7- and 2-day reminders: the ones already sent were for the old date. Called in
 * the transaction that moves the date, so the daily job sees both or neither.
 */
export async function rearmDeadlineReminders(tx: Transaction, { requestId }: { requestId: string }): Promise<void> {
  await tx.delete(deadlineReminders).where(eq(deadlineReminders.requestId, requestId));
}
