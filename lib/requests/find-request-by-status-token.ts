import { eq } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '@/db/client';
import { findTokenByHash } from '@/db/queries/request-tokens';
import { requests, type RequestRow } from '@/db/schema';
import { hashToken, isSameHash } from '@/lib/security/tokens';
import { ZToken } from '@/lib/validation/token';

/**
 * The request a status link points at, or null for an unknown, revoked or
 * malformed link (all look the same to the visitor). `lock` takes the request's
 * row lock for a change.
 */
export async function findRequestByStatusToken(
  db: DatabaseOrTransaction,
  { token, lock = false }: { token: string; lock?: boolean },
): Promise<RequestRow | null> {
  if (!ZToken.safeParse(token).success) return null;
  const tokenHash = hashToken(token);
  const row = await findTokenByHash(db, { tokenHash });
  if (!row || row.purpose !== 'status' || row.revokedAt || !isSameHash(row.tokenHash, tokenHash)) return null;
  const query = db.select().from(requests).where(eq(requests.id, row.requestId));
  const [request] = lock ? await query.for('update') : await query;
  return request && !request.purgedAt ? request : null;
}
