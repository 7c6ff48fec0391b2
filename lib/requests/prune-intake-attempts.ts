import type { Database } from '@/db/client';
import { deleteIntakeAttemptsBefore } from '@/db/queries/intake-attempts';

/** Rate-limit rows older than the longest window (24 h) count for nothing; drop them. */
export async function pruneIntakeAttempts(db: Database, { now }: { now: Date }): Promise<void> {
  await deleteIntakeAttemptsBefore(db, { before: new Date(now.getTime() - 25 * 60 * 60 * 1000) });
}
