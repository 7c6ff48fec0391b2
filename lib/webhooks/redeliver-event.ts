import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { eventDeliveries } from '@/db/schema';
import { recordEvent } from '@/lib/audit/record-event';
import { AppError } from '@/lib/errors/app-error';
import { enqueueJob } from '@/lib/jobs/enqueue-job';
import { deliveryJobKey } from './delivery-job-key';
import { assertCan, type StaffActor } from '@/lib/staff/staff-actor';

/**
 * Sends a delivery again with a fresh round of retries (the receiver was down longer than the
 * retries lasted, or lost it). Same event id and body, newly signed, so the receiver can tell a repeat.
 */
export async function redeliverEvent(
  db: Database,
  { actor, subscriptionId, deliveryId, now = new Date() }: { actor: StaffActor; subscriptionId: string; deliveryId: string; now?: Date },
): Promise<void> {
  assertCan(actor, 'settings.manage');
  await db.transaction(async (tx) => {
    const [delivery] = await tx
      .update(eventDeliveries)
      .set({ status: 'pending', attempts: 0, nextAttemptAt: now, deliveredAt: null })
      .where(and(eq(eventDeliveries.id, deliveryId), eq(eventDeliveries.subscriptionId, subscriptionId)))
      .returning({ id: eventDeliveries.id, eventType: eventDeliveries.eventType, eventId: eventDeliveries.eventId });
    if (!delivery) throw new AppError('NOT_FOUND', 'No such delivery.');
    await enqueueJob(tx, 'deliver-event-webhook', { deliveryId }, { jobKey: deliveryJobKey(deliveryId), maxAttempts: 1 });
    await recordEvent(tx, {
      requestId: null,
      actor: { type: 'staff', staffId: actor.staffId },
      action: 'event_redelivered',
      details: { subscriptionId, deliveryId, eventId: delivery.eventId, eventType: delivery.eventType },
    });
  });
}
