import { desc, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { apiKeys, staffMembers } from '@/db/schema';
import { assertCan, type StaffActor } from '@/lib/staff/staff-actor';

export type ApiKeyState = 'active' | 'expired' | 'revoked';

/** Every key, newest first, without its secret (which is not stored). */
export async function listApiKeys(db: Database, { actor, now = new Date() }: { actor: StaffActor; now?: Date }) {
  assertCan(actor, 'settings.manage');
  const rows = await db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      prefix: apiKeys.prefix,
      scopes: apiKeys.scopes,
      expiresAt: apiKeys.expiresAt,
      lastUsedAt: apiKeys.lastUsedAt,
      revokedAt: apiKeys.revokedAt,
      createdAt: apiKeys.createdAt,
      createdByName: staffMembers.name,
      createdByEmail: staffMembers.email,
    })
    .from(apiKeys)
    .leftJoin(staffMembers, eq(staffMembers.id, apiKeys.createdById))
    .orderBy(desc(apiKeys.createdAt));
  return rows.map((row) => ({ ...row, state: apiKeyState(row, now) }));
}

export function apiKeyState(key: { revokedAt: Date | null; expiresAt: Date | null }, now: Date): ApiKeyState {
  if (key.revokedAt) return 'revoked';
  if (key.expiresAt && key.expiresAt <= now) return 'expired';
  return 'active';
}
