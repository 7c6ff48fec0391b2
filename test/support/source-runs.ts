import { asc, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { fulfilmentSourceResults } from '@/db/schema';
import { runSource } from '@/lib/fulfilment/run-source';

/** A run's per-source results, by source name. */
export async function resultsOf(db: Database, runId: string) {
  return db
    .select()
    .from(fulfilmentSourceResults)
    .where(eq(fulfilmentSourceResults.runId, runId))
    .orderBy(asc(fulfilmentSourceResults.sourceName));
}

/**
 * Runs every automated source of a run that is waiting, in this process, as the run-source jobs would:
 * again while any ran, since a source found through another's identities is released only when that one finishes.
 */
export async function runPendingSources(db: Database, runId: string): Promise<void> {
  for (let hasRun = true; hasRun; ) {
    hasRun = false;
    for (const result of await resultsOf(db, runId))
      if (result.status === 'pending' && (await runSource(db, { sourceResultId: result.id }))) hasRun = true;
  }
}
