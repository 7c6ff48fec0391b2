import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { queueSavedViews } from '@/db/schema';
import { AppError } from '@/lib/errors/app-error';
import { assertCan, type StaffActor } from '@/lib/staff/staff-actor';

/** Deletes one of the actor's own views; another's view is "not found", as if it did not exist. */
export async function deleteQueueView(db: Database, { actor, id }: { actor: StaffActor; id: string }): Promise<void> {
  assertCan(actor, 'requests.read');
  const deleted = await db
    .delete(queueSavedViews)
    .where(and(eq(queueSavedViews.id, id), eq(queueSavedViews.staffId, actor.staffId)))
    .returning({ id: queueSavedViews.id });
  if (deleted.length === 0) throw new AppError('NOT_FOUND', 'No such saved view.');
}
