import { lt, sql } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../client';
import { intakeRateCounters } from '../schema';

/**
 * Adds one attempt to the key's counter for the window and returns the new total. The upsert's row lock
 * is held until the transaction ends: concurrent attempts on one key count one after another, exactly;
 * attempts on other keys never wait. A rolled-back attempt is not counted.
 */
export async function countIntakeAttempt(
  db: DatabaseOrTransaction,
  { key, windowStart }: { key: string; windowStart: Date },
): Promise<number> {
  const [row] = await db
    .insert(intakeRateCounters)
    .values({ key, windowStart, attempts: 1 })
    .onConflictDoUpdate({
      target: [intakeRateCounters.key, intakeRateCounters.windowStart],
      set: { attempts: sql`${intakeRateCounters.attempts} + 1` },
    })
    .returning({ attempts: intakeRateCounters.attempts });
  return row!.attempts;
}

export async function deleteIntakeCountersBefore(db: DatabaseOrTransaction, { before }: { before: Date }) {
  await db.delete(intakeRateCounters).where(lt(intakeRateCounters.windowStart, before));
}
