import { eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { incidents } from '@/db/schema';
import { recordEvent } from '@/lib/audit/record-event';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors/app-error';
import { assertCan, type StaffActor } from '@/lib/staff/staff-actor';
import type { TRegulatorDecision } from '@/lib/validation/incident';
import { findIncidentForUpdate } from './find-incident-for-update';
import { fromWallClockTime } from './zoned-date-time';

export type RecordRegulatorDecisionOptions = { actor: StaffActor; input: TRegulatorDecision; now?: Date };

/**
 * Stops the regulator clock: the regulator was notified (when, how, their reference), or
 * notification is not required because the breach is unlikely to result in a risk to people
 * (GDPR Art. 33(1)), with the reasoning kept for the register (Art. 33(5)). Recorded once.
 */
export async function recordRegulatorDecision(
  db: Database,
  { actor, input, now = new Date() }: RecordRegulatorDecisionOptions,
): Promise<void> {
  assertCan(actor, 'incidents.manage');
  await db.transaction(async (tx) => {
    const incident = await findIncidentForUpdate(tx, input);
    if (incident.regulatorDecision)
      throw new AppError('INVALID_TRANSITION', 'The regulator decision for this incident is already recorded.');
    const staff = { type: 'staff' as const, staffId: actor.staffId };
    if (input.decision === 'notified') {
      const notifiedAt = fromWallClockTime(input.notifiedAt, env().TIME_ZONE);
      if (notifiedAt < incident.discoveredAt)
        throw new AppError('VALIDATION', 'The regulator cannot have been told before you became aware of the breach.', {
          field: 'notifiedAt',
        });
      if (notifiedAt.getTime() > now.getTime() + 60_000)
        throw new AppError('VALIDATION', 'The notification time cannot be in the future.', { field: 'notifiedAt' });
      await tx
        .update(incidents)
        .set({
          regulatorDecision: 'notified',
          regulatorNotifiedAt: notifiedAt,
          regulatorMethod: input.method,
          regulatorReference: input.regulatorReference || null,
          decidedAt: now,
          updatedAt: now,
          version: sql`${incidents.version} + 1`,
        })
        .where(eq(incidents.id, incident.id));
      await recordEvent(tx, {
        requestId: null,
        actor: staff,
        action: 'incident_regulator_notified',
        details: {
          incidentId: incident.id,
          reference: incident.reference,
          notifiedAt: notifiedAt.toISOString(),
          regulatorReference: input.regulatorReference || null,
        },
      });
      return;
    }
    await tx
      .update(incidents)
      .set({
        regulatorDecision: 'not_required',
        notRequiredReason: input.reason,
        decidedAt: now,
        updatedAt: now,
        version: sql`${incidents.version} + 1`,
      })
      .where(eq(incidents.id, incident.id));
    await recordEvent(tx, {
      requestId: null,
      actor: staff,
      action: 'incident_notification_not_required',
      details: { incidentId: incident.id, reference: incident.reference },
    });
  });
}
