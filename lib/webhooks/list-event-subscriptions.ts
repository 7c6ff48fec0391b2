import { desc, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { eventDeliveries, eventSubscriptions } from '@/db/schema';
import { assertCan, type StaffActor } from '@/lib/staff/staff-actor';

/** Every subscription with how its deliveries stand, newest first. */
export async function listEventSubscriptions(db: Database, { actor }: { actor: StaffActor }) {
  assertCan(actor, 'settings.manage');
  return (
    db
      .select({
        id: eventSubscriptions.id,
        name: eventSubscriptions.name,
        url: eventSubscriptions.url,
        events: eventSubscriptions.events,
        isEnabled: eventSubscriptions.isEnabled,
        createdAt: eventSubscriptions.createdAt,
        failed: sql<number>`count(*) filter (where ${eventDeliveries.status} = 'failed')::int`,
        pending: sql<number>`count(*) filter (where ${eventDeliveries.status} = 'pending')::int`,
      })
      .from(eventSubscriptions)
      .leftJoin(eventDeliveries, eq(eventDeliveries.subscriptionId, eventSubscriptions.id))
      // OpenDSR callback URLs are the filing controller's, one per request, not an admin's subscriptions.
      .where(isNull(eventSubscriptions.opendsrRequestId))
      .groupBy(eventSubscriptions.id)
      .orderBy(desc(eventSubscriptions.createdAt))
  );
}
