import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { incidentLookups, incidents } from '@/db/schema';
import { AppError } from '@/lib/errors/app-error';
import { assertCan, type StaffActor } from '@/lib/staff/staff-actor';
import type { TRetryAffectedLookup } from '@/lib/validation/incident-affected';
import { startAffectedLookup } from './start-affected-lookup';

/**
 * Runs a failed search again: a new lookup of the same source with the same filter (the failed one
 * stays, with its reason, in the incident's history). Only a failed one: a search still running or
 * waiting for a webhook's answer would be asked twice.
 */
export async function retryAffectedLookup(
  db: Database,
  { actor, input }: { actor: StaffActor; input: TRetryAffectedLookup },
): Promise<string> {
  assertCan(actor, 'incidents.manage');
  const [failed] = await db
    .select({ status: incidentLookups.status, sourceId: incidentLookups.sourceId, filter: incidentLookups.filter })
    .from(incidentLookups)
    .innerJoin(incidents, eq(incidents.id, incidentLookups.incidentId))
    .where(and(eq(incidentLookups.id, input.lookupId), eq(incidents.reference, input.reference)));
  if (!failed) throw new AppError('NOT_FOUND', 'No such search for this incident.');
  if (failed.status !== 'failed') throw new AppError('INVALID_TRANSITION', 'Only a failed search can be run again.');
  return startAffectedLookup(db, { actor, reference: input.reference, sourceId: failed.sourceId, filter: failed.filter });
}
