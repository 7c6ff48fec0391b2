import { desc, isNotNull } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '@/db/client';
import { requestEvents } from '@/db/schema';

export type ChainHead = { eventId: number; hash: string };

/** The newest event of the audit chain: what an export or a verification was taken at. */
export async function getChainHead(db: DatabaseOrTransaction): Promise<ChainHead | null> {
  const [row] = await db
    .select({ eventId: requestEvents.id, hash: requestEvents.hash })
    .from(requestEvents)
    .where(isNotNull(requestEvents.hash))
    .orderBy(desc(requestEvents.id))
    .limit(1);
  return row?.hash ? { eventId: row.eventId, hash: row.hash } : null;
}
