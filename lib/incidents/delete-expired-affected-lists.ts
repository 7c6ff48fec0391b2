import { and, inArray, isNull, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { incidentAffectedPeople, incidents } from '@/db/schema';
import { recordEvent } from '@/lib/audit/record-event';
import { getOrganisationSettings } from '@/lib/settings/get-organisation-settings';

/**
 * Deletes the lists of affected people once they are no longer needed: the organisation's personal
 * data retention (Settings, in days) counted from the incident's last change — the notice sent, a
 * search finished — or from its closing. The incident, its counts by source and its audit trail stay
 * (the Art. 33(5) register keeps no addresses). Each list goes in its own transaction with its event.
 */
export async function deleteExpiredAffectedLists(db: Database, { now }: { now: Date }): Promise<number> {
  const { personalDataRetentionDays } = await getOrganisationSettings(db);
  const cutoff = new Date(now.getTime() - personalDataRetentionDays * 86_400_000);
  const expired = await db
    .select({ id: incidents.id })
    .from(incidents)
    .where(
      and(
        isNull(incidents.affectedListDeletedAt),
        sql`coalesce(${incidents.closedAt}, ${incidents.updatedAt}) < ${cutoff.toISOString()}::timestamptz`,
        sql`exists (select 1 from ${incidentAffectedPeople} where ${incidentAffectedPeople.incidentId} = ${incidents.id})`,
      ),
    );
  for (const { id } of expired) {
    await db.transaction(async (tx) => {
      const [{ people }] = (await tx.execute<{ people: number }>(
        sql`with deleted as (delete from ${incidentAffectedPeople} where ${incidentAffectedPeople.incidentId} = ${id} returning 1) select count(*)::int as people from deleted`,
      )) as unknown as [{ people: number }];
      await tx
        .update(incidents)
        .set({ affectedListDeletedAt: now })
        .where(inArray(incidents.id, [id]));
      await recordEvent(tx, {
        requestId: null,
        actor: { type: 'system' },
        action: 'incident_affected_list_deleted',
        details: { incidentId: id, people, retentionDays: personalDataRetentionDays },
      });
    });
  }
  return expired.length;
}
