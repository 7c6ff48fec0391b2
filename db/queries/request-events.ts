import { and, asc, eq } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../client';
import { requestEvents } from '../schema';

export async function listRequesterVisibleEvents(db: DatabaseOrTransaction, { requestId }: { requestId: string }) {
  return db
    .select({ id: requestEvents.id, action: requestEvents.action, details: requestEvents.details, createdAt: requestEvents.createdAt })
    .from(requestEvents)
    .where(and(eq(requestEvents.requestId, requestId), eq(requestEvents.isVisibleToRequester, true)))
    .orderBy(asc(requestEvents.id));
}
