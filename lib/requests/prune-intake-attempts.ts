import type { Database } from '@/db/client';
import { deleteIntakeCountersBefore } from '@/db/queries/intake-rate-counters';

/** Rate-limit counters of windows that ended (the longest is 24 h) count for nothing; drop them. */
export async function pruneIntakeAttempts(db: Database, { now }: { now: Date }): Promise<void> {
  await deleteIntakeCountersBefore(db, { before: new Date(now.getTime() - 48 * 60 * 60 * 1000) });
}
