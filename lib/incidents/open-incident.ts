import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { incidentReferenceSequence, incidents } from '@/db/schema';
import { recordEvent } from '@/lib/audit/record-event';
import { assertCan, type StaffActor } from '@/lib/staff/staff-actor';
import type { TIncidentForm } from '@/lib/validation/incident';
import { incidentValues } from './incident-values';

export type OpenIncidentOptions = { actor: StaffActor; input: TIncidentForm; now?: Date };

/** Records a personal data breach; its regulator clocks run from the time of awareness given. Returns the reference (INC-2026-0001). */
export async function openIncident(db: Database, { actor, input, now = new Date() }: OpenIncidentOptions): Promise<string> {
  assertCan(actor, 'incidents.manage');
  return db.transaction(async (tx) => {
    const values = await incidentValues(tx, input, now);
    const [{ value }] = (await tx.execute<{ value: string }>(
      sql`select nextval(${incidentReferenceSequence.seqName}) as value`,
    )) as unknown as [{ value: string }];
    const reference = `INC-${now.getUTCFullYear()}-${String(value).padStart(4, '0')}`;
    const [created] = await tx
      .insert(incidents)
      .values({ ...values, reference, openedBy: actor.staffId, createdAt: now, updatedAt: now })
      .returning({ id: incidents.id });
    await recordEvent(tx, {
      requestId: null,
      actor: { type: 'staff', staffId: actor.staffId },
      action: 'incident_opened',
      details: {
        incidentId: created!.id,
        reference,
        regimes: values.regimes,
        sourceIds: values.sourceIds,
        dataCategories: values.dataCategories,
      },
    });
    return reference;
  });
}
