import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { apiKeys } from '@/db/schema';
import { recordEvent } from '@/lib/audit/record-event';
import { AppError } from '@/lib/errors/app-error';
import { hashToken } from '@/lib/security/tokens';
import type { ApiKeyActor } from '@/lib/staff/staff-actor';
import { apiKeyState } from './list-api-keys';

export type AuthenticateApiKeyOptions = { authorization: string | null; method: string; path: string; ip: string | null; now?: Date };

/**
 * Turns `Authorization: Bearer <key>` into the actor a use case checks. Every use is an
 * audit event named after the key (and moves its last-used time), in one transaction, so
 * a call that is not on the trail did not happen. The lookup is by the secret's SHA-256,
 * an indexed equality: no secret is compared character by character.
 */
export async function authenticateApiKey(
  db: Database,
  { authorization, method, path, ip, now = new Date() }: AuthenticateApiKeyOptions,
): Promise<ApiKeyActor> {
  const secret = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1];
  if (!secret) throw new AppError('UNAUTHENTICATED', 'Send an API key as “Authorization: Bearer <key>”.');
  const [key] = await db
    .select()
    .from(apiKeys)
    .where(eq(apiKeys.secretHash, hashToken(secret)));
  if (!key) throw new AppError('UNAUTHENTICATED', 'This API key is not recognised.');
  // The caller holds the real secret, so saying why it stopped working gives nothing away.
  const state = apiKeyState(key, now);
  if (state === 'revoked') throw new AppError('UNAUTHENTICATED', 'This API key was revoked.');
  if (state === 'expired') throw new AppError('UNAUTHENTICATED', `This API key expired on ${key.expiresAt!.toISOString()}.`);

  const actor: ApiKeyActor = { kind: 'api_key', apiKeyId: key.id, name: key.name, scopes: key.scopes };
  await db.transaction(async (tx) => {
    await tx.update(apiKeys).set({ lastUsedAt: now }).where(eq(apiKeys.id, key.id));
    await recordEvent(tx, {
      requestId: null,
      actor: { type: 'api_key', apiKeyId: key.id, name: key.name },
      action: 'api_key_used',
      details: { method, path },
      ip,
    });
  });
  return actor;
}
