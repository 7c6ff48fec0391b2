import { and, eq, isNull } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../client';
import { requestTokens } from '../schema';

export async function findTokenByHash(db: DatabaseOrTransaction, { tokenHash, lock }: { tokenHash: string; lock?: boolean }) {
  const query = db.select().from(requestTokens).where(eq(requestTokens.tokenHash, tokenHash));
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

export async function insertToken(
  db: DatabaseOrTransaction,
  values: { requestId: string; purpose: 'verification' | 'status' | 'agent_status'; tokenHash: string; expiresAt: Date | null },
) {
  await db.insert(requestTokens).values(values);
}

export async function revokeTokens(
  db: DatabaseOrTransaction,
  { requestId, purpose, now }: { requestId: string; purpose?: 'verification' | 'status'; now: Date },
) {
  await db
    .update(requestTokens)
    .set({ revokedAt: now })
    .where(
      and(
        eq(requestTokens.requestId, requestId),
        isNull(requestTokens.revokedAt),
        purpose ? eq(requestTokens.purpose, purpose) : undefined,
      ),
    );
}
