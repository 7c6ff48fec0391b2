import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { dataSources, incidentAffectedPeople, incidentLookups, incidents } from '@/db/schema';
import { recordEvent } from '@/lib/audit/record-event';
import { readSourceSecret } from '@/lib/data-sources/read-source-secret';
import { isAppError } from '@/lib/errors/app-error';
import { hashEmail } from '@/lib/security/keyed-hash';
import { getNetworkSettings } from '@/lib/settings/get-network-settings';
import { encryptAffectedEmail } from './affected-email-box';
import { withAffectedPeopleReader } from './open-affected-people-reader';

/** Addresses read from the source and written to the list per round trip: the most the run holds in memory. */
export const AFFECTED_BATCH_SIZE = 1000;

/**
 * The background run of one lookup: reads the filter's people from the source through a cursor,
 * batch by batch, and adds each address once to the incident's list, encrypted, with its keyed
 * hash (the unique key, so a person found through two sources or filters is told once). A
 * million people never means a million rows in memory: one batch at a time is held. A failure
 * is recorded on the lookup for staff to see and run again; the people already added stay (they
 * were found by the same filter).
 */
export async function findAffectedPeople(db: Database, { lookupId }: { lookupId: string }): Promise<void> {
  const [claimed] = await db
    .update(incidentLookups)
    .set({ status: 'running' })
    .where(and(eq(incidentLookups.id, lookupId), eq(incidentLookups.status, 'queued')))
    .returning();
  if (!claimed) return;
  const [source] = await db.select().from(dataSources).where(eq(dataSources.id, claimed.sourceId));
  let found = 0;
  let added = 0;
  try {
    const { allowPrivateTargets } = await getNetworkSettings(db);
    await withAffectedPeopleReader(source!, { filter: claimed.filter, allowPrivateTargets }, async (reader) => {
      for await (const batch of reader.batches(AFFECTED_BATCH_SIZE)) {
        const rows = batch.map((email) => ({
          incidentId: claimed.incidentId,
          lookupId,
          emailHash: hashEmail(email),
          emailCiphertext: encryptAffectedEmail(claimed.incidentId, email),
        }));
        const inserted = await db
          .insert(incidentAffectedPeople)
          .values(rows)
          .onConflictDoNothing({ target: [incidentAffectedPeople.incidentId, incidentAffectedPeople.emailHash] })
          .returning({ id: incidentAffectedPeople.id });
        found += batch.length;
        added += inserted.length;
        await db.update(incidentLookups).set({ peopleFound: found, peopleAdded: added }).where(eq(incidentLookups.id, lookupId));
      }
    });
  } catch (error) {
    const message = isAppError(error) ? error.message : describeFailure(source!, error);
    await db.transaction(async (tx) => {
      await tx
        .update(incidentLookups)
        .set({ status: 'failed', error: message.slice(0, 1000), peopleFound: found, peopleAdded: added, finishedAt: new Date() })
        .where(eq(incidentLookups.id, lookupId));
      await recordEvent(tx, {
        requestId: null,
        actor: { type: 'system' },
        action: 'incident_lookup_failed',
        details: { incidentId: claimed.incidentId, lookupId, sourceId: claimed.sourceId, error: message.slice(0, 300) },
      });
    });
    return;
  }
  await db.transaction(async (tx) => {
    await tx
      .update(incidentLookups)
      .set({ status: 'done', peopleFound: found, peopleAdded: added, finishedAt: new Date() })
      .where(eq(incidentLookups.id, lookupId));
    await tx.update(incidents).set({ updatedAt: sql`now()` }).where(eq(incidents.id, claimed.incidentId));
    await recordEvent(tx, {
      requestId: null,
      actor: { type: 'system' },
      action: 'incident_people_found',
      details: { incidentId: claimed.incidentId, lookupId, sourceId: claimed.sourceId, peopleFound: found, peopleAdded: added },
    });
  });
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
