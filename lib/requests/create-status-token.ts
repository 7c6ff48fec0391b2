import type { Transaction } from '@/db/client';
import { insertToken } from '@/db/queries/request-tokens';
import { env } from '@/lib/env';
import { createToken } from '@/lib/security/tokens';

/**
 * A private status link. Long-lived (it is the requester's only way back) but
 * revocable; several may be live if the requester asked for the link again.
 */
export async function createStatusToken(
  tx: Transaction,
  { requestId }: { requestId: string },
): Promise<{ token: string; statusUrl: string }> {
  const { token, tokenHash } = createToken();
  await insertToken(tx, { requestId, purpose: 'status', tokenHash, expiresAt: null });
  return { token, statusUrl: `${env().APP_URL}/status/${token}` };
}
