import type { Database } from '@/db/client';
import { queueSavedViews } from '@/db/schema';
import { assertCan, type StaffActor } from '@/lib/staff/staff-actor';
import { ZQueueFilters } from '@/lib/validation/queue-filters';
import { queueHref } from './queue-href';
import { type QueueView, queueViewHref } from './queue-view-href';

/**
 * Saves the queue's current filters and sort under a name, for this staff member only. The query is
 * parsed with the queue's own schema and written back by queueHref, so only known filters are kept
 * (never a cursor). Saving a name again replaces that view.
 */
export async function saveQueueView(
  db: Database,
  { actor, name, query }: { actor: StaffActor; name: string; query: string },
): Promise<QueueView> {
  assertCan(actor, 'requests.read');
  const filters = ZQueueFilters.parse(Object.fromEntries(new URLSearchParams(query)));
  const canonical = queueHref({ ...filters, after: undefined }).replace(/^\/staff\??/, '');
  const [row] = await db
    .insert(queueSavedViews)
    .values({ staffId: actor.staffId, name, query: canonical })
    .onConflictDoUpdate({ target: [queueSavedViews.staffId, queueSavedViews.name], set: { query: canonical } })
    .returning();
  return { id: row!.id, name: row!.name, href: queueViewHref(row!.query) };
}
