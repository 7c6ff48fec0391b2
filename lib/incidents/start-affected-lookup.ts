import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { incidentLookups, incidents } from '@/db/schema';
import { recordEvent } from '@/lib/audit/record-event';
import { AppError } from '@/lib/errors/app-error';
import { enqueueJob } from '@/lib/jobs/enqueue-job';
import { assertCan, type StaffActor } from '@/lib/staff/staff-actor';
import { ZDataSourceConfig } from '@/lib/validation/data-source';
import type { TAffectedFilter } from '@/lib/validation/incident-affected';
import { emailTable, filteredTable } from './affected-people-sql';
import { findLookupSource } from './find-lookup-source';

export type StartAffectedLookupOptions = { actor: StaffActor; reference: string; sourceId: string; filter: TAffectedFilter };

/**
 * Queues the search for the people a filter finds in one source (lib/incidents/find-affected-people.ts).
 * A database's filter: its table is checked against the map now, its columns against the live schema
 * when the job runs. A webhook source gets the filter as it is, in its `breach_lookup` job.
 */
export async function startAffectedLookup(
  db: Database,
  { actor, reference, sourceId, filter }: StartAffectedLookupOptions,
): Promise<string> {
  assertCan(actor, 'incidents.manage');
  return db.transaction(async (tx) => {
    const [incident] = await tx.select().from(incidents).where(eq(incidents.reference, reference));
    if (!incident) throw new AppError('NOT_FOUND', 'No such incident.');
    if (incident.affectedListDeletedAt)
      throw new AppError('INVALID_TRANSITION', 'The list of affected people was deleted at the end of its retention.');
    const source = await findLookupSource(tx, { incident, sourceId });
    const config = ZDataSourceConfig.parse(source.config);
    if (config.kind === 'postgres' || config.kind === 'mysql') emailTable(config.map, filteredTable(config.map, filter));
    const [lookup] = await tx
      .insert(incidentLookups)
      .values({ incidentId: incident.id, sourceId, filter, requestedBy: actor.staffId })
      .returning({ id: incidentLookups.id });
    await recordEvent(tx, {
      requestId: null,
      actor: { type: 'staff', staffId: actor.staffId },
      action: 'incident_lookup_started',
      details: { incidentId: incident.id, lookupId: lookup!.id, sourceId, table: filter.table, conditions: describeConditions(filter) },
    });
    // One try: a failed search is shown with its error and run again by staff, not retried blindly against a struggling source.
    await enqueueJob(tx, 'find-affected-people', { lookupId: lookup!.id }, { maxAttempts: 1 });
    return lookup!.id;
  });
}

/** The conditions for the audit trail: columns and operators, and how many values a list held (not the values: they can be personal data). */
function describeConditions(filter: TAffectedFilter): string[] {
  return filter.conditions.map((condition) =>
    condition.operator === 'in'
      ? `${condition.column} in a list of ${condition.values.length}`
      : `${condition.column} ${condition.operator}`,
  );
}
