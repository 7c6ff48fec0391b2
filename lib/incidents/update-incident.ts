import { eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { incidents } from '@/db/schema';
import { recordEvent } from '@/lib/audit/record-event';
import { assertCan, type StaffActor } from '@/lib/staff/staff-actor';
import type { TUpdateIncident } from '@/lib/validation/incident';
import { findIncidentForUpdate } from './find-incident-for-update';
import { incidentValues } from './incident-values';

export type UpdateIncidentOptions = { actor: StaffActor; input: TUpdateIncident; now?: Date };

/** Saves a changed description of the incident; the event names which fields changed (their text stays in the incident). */
export async function updateIncident(db: Database, { actor, input, now = new Date() }: UpdateIncidentOptions): Promise<void> {
  assertCan(actor, 'incidents.manage');
  await db.transaction(async (tx) => {
    const incident = await findIncidentForUpdate(tx, input);
    const values = await incidentValues(tx, input, now);
    const changed = (Object.keys(values) as (keyof typeof values)[]).filter(
      (field) => JSON.stringify(values[field]) !== JSON.stringify(incident[field]),
    );
    if (changed.length === 0) return;
    await tx
      .update(incidents)
      .set({ ...values, updatedAt: now, version: sql`${incidents.version} + 1` })
      .where(eq(incidents.id, incident.id));
    await recordEvent(tx, {
      requestId: null,
      actor: { type: 'staff', staffId: actor.staffId },
      action: 'incident_updated',
      details: { incidentId: incident.id, reference: incident.reference, fields: changed },
    });
  });
}
