import { eq, sql } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '@/db/client';
import { type IncidentLookupRow, incidentLookups, incidents } from '@/db/schema';
import { recordEvent } from '@/lib/audit/record-event';

type LookupCounts = Pick<IncidentLookupRow, 'peopleFound' | 'peopleAdded' | 'peopleRejected'>;
type FinishedLookup = Pick<IncidentLookupRow, 'id' | 'incidentId' | 'sourceId'>;

/** A lookup found everyone it will: done, the incident touched (its list's retention counts from now), and the audit event. */
export async function recordLookupDone(tx: DatabaseOrTransaction, { lookup, counts }: { lookup: FinishedLookup; counts: LookupCounts }) {
  await tx
    .update(incidentLookups)
    .set({ status: 'done', ...counts, webhookCursor: null, callbackJobId: null, awaitingCallbackSince: null, finishedAt: new Date() })
    .where(eq(incidentLookups.id, lookup.id));
  await tx.update(incidents).set({ updatedAt: sql`now()` }).where(eq(incidents.id, lookup.incidentId));
  await recordEvent(tx, {
    requestId: null,
    actor: { type: 'system' },
    action: 'incident_people_found',
    details: {
      incidentId: lookup.incidentId,
      lookupId: lookup.id,
      sourceId: lookup.sourceId,
      peopleFound: counts.peopleFound,
      peopleAdded: counts.peopleAdded,
      ...(counts.peopleRejected > 0 ? { peopleRejected: counts.peopleRejected } : {}),
    },
  });
}

/**
 * A lookup failed: the reason is shown on the incident page for staff to run the search again. The
 * people already added stay (the same filter found them). The change and its event are one
 * transaction (a savepoint inside a callback's transaction).
 */
export async function recordLookupFailed(
  db: DatabaseOrTransaction,
  { lookup, counts, error }: { lookup: FinishedLookup; counts?: LookupCounts; error: string },
) {
  await db.transaction(async (tx) => {
    await tx
      .update(incidentLookups)
      .set({
        status: 'failed',
        error: error.slice(0, 1000),
        ...counts,
        callbackJobId: null,
        awaitingCallbackSince: null,
        finishedAt: new Date(),
      })
      .where(eq(incidentLookups.id, lookup.id));
    await recordEvent(tx, {
      requestId: null,
      actor: { type: 'system' },
      action: 'incident_lookup_failed',
      details: { incidentId: lookup.incidentId, lookupId: lookup.id, sourceId: lookup.sourceId, error: error.slice(0, 300) },
    });
  });
}
