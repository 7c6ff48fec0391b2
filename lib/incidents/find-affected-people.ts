import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { dataSources, incidentLookups } from '@/db/schema';
import { readSourceSecret } from '@/lib/data-sources/read-source-secret';
import { isAppError } from '@/lib/errors/app-error';
import { getNetworkSettings } from '@/lib/settings/get-network-settings';
import { addAffectedPeople } from './add-affected-people';
import { findAffectedPeopleByWebhook } from './find-affected-people-by-webhook';
import { withAffectedPeopleReader } from './open-affected-people-reader';
import { recordLookupDone, recordLookupFailed } from './record-lookup-outcome';

/** Addresses read from the source and written to the list per round trip: the most the run holds in memory. */
export const AFFECTED_BATCH_SIZE = 1000;

/**
 * The background run of one lookup: reads the filter's people from the source through a cursor,
 * batch by batch, and adds each address once to the incident's list, encrypted, with its keyed
 * hash (the unique key, so a person found through two sources or filters is told once). A
 * million people never means a million rows in memory: one batch at a time is held. A failure
 * is recorded on the lookup for staff to see and run again; the people already added stay (they
 * were found by the same filter). A webhook source is asked page by page with signed
 * `breach_lookup` jobs instead (find-affected-people-by-webhook.ts); a lookup queued again for its
 * next page resumes from its cursor and counts.
 */
export async function findAffectedPeople(db: Database, { lookupId }: { lookupId: string }): Promise<void> {
  const [claimed] = await db
    .update(incidentLookups)
    .set({ status: 'running' })
    .where(and(eq(incidentLookups.id, lookupId), eq(incidentLookups.status, 'queued')))
    .returning();
  if (!claimed) return;
  const [source] = await db.select().from(dataSources).where(eq(dataSources.id, claimed.sourceId));
  const { allowPrivateTargets } = await getNetworkSettings(db);
  if (source!.kind === 'webhook') return findAffectedPeopleByWebhook(db, { lookup: claimed, source: source!, allowPrivateTargets });
  const counts = { peopleFound: 0, peopleAdded: 0, peopleRejected: 0 };
  try {
    await withAffectedPeopleReader(source!, { filter: claimed.filter, allowPrivateTargets }, async (reader) => {
      for await (const batch of reader.batches(AFFECTED_BATCH_SIZE)) {
        const { found, added } = await addAffectedPeople(db, { lookup: claimed, emails: batch });
        counts.peopleFound += found;
        counts.peopleAdded += added;
        await db.update(incidentLookups).set(counts).where(eq(incidentLookups.id, lookupId));
      }
    });
  } catch (error) {
    const message = isAppError(error) ? error.message : describeFailure(source!, error);
    await recordLookupFailed(db, { lookup: claimed, counts, error: message });
    return;
  }
  await db.transaction((tx) => recordLookupDone(tx, { lookup: claimed, counts }));
}

/** The driver's message, with the connection string and its password cut out (a connection error can quote them). */
function describeFailure(source: Parameters<typeof readSourceSecret>[0], error: unknown): string {
  let message = error instanceof Error ? error.message : String(error);
  try {
    const connectionString = readSourceSecret(source);
    const secrets = [connectionString];
    try {
      const password = new URL(connectionString).password;
      if (password) secrets.push(password, decodeURIComponent(password));
    } catch {
      // Not a URL (a key=value string): the whole string is still cut out.
    }
    for (const secret of secrets.filter((secret) => secret.length >= 3)) message = message.split(secret).join('***');
  } catch {
    // No secret to cut out.
  }
  return `Could not search ${source.name}: ${message}`;
}
