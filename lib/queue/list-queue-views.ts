import { asc, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { queueSavedViews } from '@/db/schema';
import { assertCan, type StaffActor } from '@/lib/staff/staff-actor';
import { type QueueView, queueViewHref } from './queue-view-href';

/** The signed-in staff member's saved views, oldest first. Nobody sees another's. */
export async function listQueueViews(db: Database, { actor }: { actor: StaffActor }): Promise<QueueView[]> {
  assertCan(actor, 'requests.read');
  const rows = await db
    .select()
    .from(queueSavedViews)
    .where(eq(queueSavedViews.staffId, actor.staffId))
    .orderBy(asc(queueSavedViews.createdAt));
  return rows.map((row) => ({ id: row.id, name: row.name, href: queueViewHref(row.query) }));
}
