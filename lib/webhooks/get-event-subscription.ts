import { desc, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { eventDeliveries, eventSubscriptions } from '@/db/schema';
import { AppError } from '@/lib/errors/app-error';
import { assertCan, type StaffActor } from '@/lib/staff/staff-actor';

export const DELIVERY_LOG_SIZE = 100;

/** A subscription (without its secret) and its newest deliveries, each with every attempt's response code. */
export async function getEventSubscription(db: Database, { actor, id }: { actor: StaffActor; id: string }) {
  assertCan(actor, 'settings.manage');
  const [subscription] = await db
    .select({
      id: eventSubscriptions.id,
      name: eventSubscriptions.name,
      url: eventSubscriptions.url,
      events: eventSubscriptions.events,
      isEnabled: eventSubscriptions.isEnabled,
      createdAt: eventSubscriptions.createdAt,
    })
    .from(eventSubscriptions)
    .where(eq(eventSubscriptions.id, id));
  if (!subscription) throw new AppError('NOT_FOUND', 'No such subscription.');
  const deliveries = await db
    .select()
    .from(eventDeliveries)
    .where(eq(eventDeliveries.subscriptionId, id))
    .orderBy(desc(eventDeliveries.createdAt))
    .limit(DELIVERY_LOG_SIZE);
  return { ...subscription, deliveries };
}
