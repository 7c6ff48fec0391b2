import { randomBytes } from 'node:crypto';
import type { Database } from '@/db/client';
import { apiKeys } from '@/db/schema';
import { recordEvent } from '@/lib/audit/record-event';
import { hashToken } from '@/lib/security/tokens';
import { assertCan, type StaffActor } from '@/lib/staff/staff-actor';
import type { TCreateApiKey } from '@/lib/validation/api-keys';

/** Keys start with this, so secret scanners and people recognise a leaked one. */
export const API_KEY_PREFIX = 'dsr_';
const PREFIX_SHOWN = API_KEY_PREFIX.length + 8;

export type CreateApiKeyOptions = { actor: StaffActor; input: TCreateApiKey; now?: Date };

/** Makes a key. The secret is returned once for the admin to copy; only its SHA-256 is stored. */
export async function createApiKey(
  db: Database,
  { actor, input, now = new Date() }: CreateApiKeyOptions,
): Promise<{ id: string; secret: string }> {
  assertCan(actor, 'settings.manage');
  const secret = `${API_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
  const expiresAt = input.expiresInDays === null ? null : new Date(now.getTime() + input.expiresInDays * 24 * 60 * 60 * 1000);
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(apiKeys)
      .values({
        name: input.name,
        prefix: secret.slice(0, PREFIX_SHOWN),
        secretHash: hashToken(secret),
        scopes: input.scopes,
        expiresAt,
        createdById: actor.staffId,
        createdAt: now,
      })
      .returning({ id: apiKeys.id });
    await recordEvent(tx, {
      requestId: null,
      actor: { type: 'staff', staffId: actor.staffId },
      action: 'api_key_created',
      details: { apiKeyId: created!.id, name: input.name, scopes: input.scopes, expiresAt },
    });
    return { id: created!.id, secret };
  });
}
