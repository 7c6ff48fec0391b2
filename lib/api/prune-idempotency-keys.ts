import { lt } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { apiIdempotencyKeys } from '@/db/schema';

/** How long a retry with the same Idempotency-Key gets the first answer (documented on /api/v1/docs). */
export const IDEMPOTENCY_KEY_HOURS = 24;

/** Drops stored answers older than the idempotency window; a key reused after it files anew. */
export async function pruneIdempotencyKeys(db: Database, { now }: { now: Date }): Promise<number> {
  const pruned = await db
    .delete(apiIdempotencyKeys)
    .where(lt(apiIdempotencyKeys.createdAt, new Date(now.getTime() - IDEMPOTENCY_KEY_HOURS * 60 * 60 * 1000)))
    .returning({ key: apiIdempotencyKeys.key });
  return pruned.length;
}
