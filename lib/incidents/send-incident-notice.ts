import { and, count, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { incidentAffectedPeople, incidentLookups, incidents } from '@/db/schema';
import { recordEvent } from '@/lib/audit/record-event';
import { AppError } from '@/lib/errors/app-error';
import { enqueueJob } from '@/lib/jobs/enqueue-job';
import { assertCan, type StaffActor } from '@/lib/staff/staff-actor';
import { findIncidentForUpdate } from './find-incident-for-update';

/**
 * Sends the saved notice to everyone on the incident's list: marks it sent and queues the
 * batches (lib/incidents/queue-notice-batch.ts), in one transaction with its audit event.
 * The incident's row lock and version make a double click send once; a lookup still running
 * is waited for, so nobody it would find is left out.
 */
export async function sendIncidentNotice(
  db: Database,
  { actor, reference, version, now = new Date() }: { actor: StaffActor; reference: string; version: number; now?: Date },
): Promise<number> {
  assertCan(actor, 'incidents.manage');
  return db.transaction(async (tx) => {
    const incident = await findIncidentForUpdate(tx, { reference, version });
    if (incident.noticeSentAt) throw new AppError('INVALID_TRANSITION', 'The notice was already sent.');
    if (!incident.notice) throw new AppError('VALIDATION', 'Write and save the notice first.');
    const [running] = await tx
      .select({ lookups: count() })
      .from(incidentLookups)
      .where(and(eq(incidentLookups.incidentId, incident.id), sql`${incidentLookups.status} in ('queued', 'running')`));
    if (running!.lookups > 0) throw new AppError('CONFLICT', 'A search for affected people is still running: send when it has finished.');
    const [people] = await tx
      .select({ people: count() })
      .from(incidentAffectedPeople)
      .where(eq(incidentAffectedPeople.incidentId, incident.id));
    if (people!.people === 0) throw new AppError('VALIDATION', 'Nobody is on the list of affected people yet: find them first.');
    await tx
      .update(incidents)
      .set({ noticeSentAt: now, noticeSentBy: actor.staffId, updatedAt: now, version: sql`${incidents.version} + 1` })
      .where(eq(incidents.id, incident.id));
    await recordEvent(tx, {
      requestId: null,
      actor: { type: 'staff', staffId: actor.staffId },
      action: 'incident_notice_sent',
      details: { incidentId: incident.id, people: people!.people, subject: incident.notice.subject },
    });
    await enqueueJob(tx, 'send-incident-notices', { incidentId: incident.id });
    return people!.people;
  });
}
