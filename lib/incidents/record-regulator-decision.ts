import { eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { incidentDocuments, incidents } from '@/db/schema';
import { deleteAttachmentFile, type StoredFile, storeAttachmentFile } from '@/lib/fulfilment/store-attachment-file';
import { recordEvent } from '@/lib/audit/record-event';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors/app-error';
import { assertCan, type StaffActor } from '@/lib/staff/staff-actor';
import type { TRegulatorDecision } from '@/lib/validation/incident';
import { findIncidentForUpdate } from './find-incident-for-update';
import { fromWallClockTime } from './zoned-date-time';

export type RecordRegulatorDecisionOptions = { actor: StaffActor; input: TRegulatorDecision; now?: Date };

/**
 * Stops the regulator clock: the regulator was notified (when, how, their reference, and a copy of
 * what was sent, kept with the incident), or
 * notification is not required because the breach is unlikely to result in a risk to people
 * (GDPR Art. 33(1)), with the reasoning kept for the register (Art. 33(5)). Recorded once.
 */
export async function recordRegulatorDecision(
  db: Database,
  { actor, input, now = new Date() }: RecordRegulatorDecisionOptions,
): Promise<void> {
  assertCan(actor, 'incidents.manage');
  // The file goes to storage first (a transaction cannot hold the upload's stream) and is removed if the decision is refused.
  const document = input.decision === 'notified' && input.document ? await storeAttachmentFile(input.document) : null;
  try {
    await record(db, { actor, input, now }, document);
  } catch (error) {
    if (document) await deleteAttachmentFile(document.storageKey);
    throw error;
  }
}

async function record(db: Database, { actor, input, now }: Required<RecordRegulatorDecisionOptions>, document: StoredFile | null) {
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
      if (document)
        await tx.insert(incidentDocuments).values({
          incidentId: incident.id,
          kind: 'regulator_notification',
          ...document,
          uploadedById: actor.staffId,
          createdAt: now,
        });
      await recordEvent(tx, {
        requestId: null,
        actor: staff,
        action: 'incident_regulator_notified',
        details: {
          incidentId: incident.id,
          reference: incident.reference,
          notifiedAt: notifiedAt.toISOString(),
          regulatorReference: input.regulatorReference || null,
          // The copy sent is identified by its hash, so the register can show it is the same file later.
          ...(document ? { document: { fileName: document.fileName, sizeBytes: document.sizeBytes, sha256: document.sha256 } } : {}),
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
