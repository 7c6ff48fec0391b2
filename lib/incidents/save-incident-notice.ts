import { eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { incidents } from '@/db/schema';
import { recordEvent } from '@/lib/audit/record-event';
import { AppError } from '@/lib/errors/app-error';
import { assertCan, type StaffActor } from '@/lib/staff/staff-actor';
import type { TIncidentNoticeForm } from '@/lib/validation/incident-notice';
import { findIncidentForUpdate } from './find-incident-for-update';

/** Saves the notice to the people affected as a draft, to preview before sending. Refused once it was sent: what people received is what the report shows. */
export async function saveIncidentNotice(
  db: Database,
  { actor, input, now = new Date() }: { actor: StaffActor; input: TIncidentNoticeForm; now?: Date },
): Promise<void> {
  assertCan(actor, 'incidents.manage');
  await db.transaction(async (tx) => {
    const incident = await findIncidentForUpdate(tx, input);
    if (incident.noticeSentAt) throw new AppError('INVALID_TRANSITION', 'The notice was already sent: it can no longer be changed.');
    const { reference: _reference, version: _version, ...notice } = input;
    await tx
      .update(incidents)
      .set({ notice, updatedAt: now, version: sql`${incidents.version} + 1` })
      .where(eq(incidents.id, incident.id));
    await recordEvent(tx, {
      requestId: null,
      actor: { type: 'staff', staffId: actor.staffId },
      action: 'incident_notice_saved',
      details: { incidentId: incident.id, subject: notice.subject },
    });
  });
}
