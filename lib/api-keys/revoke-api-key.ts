import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { apiKeys } from '@/db/schema';
import { recordEvent } from '@/lib/audit/record-event';
import { AppError } from '@/lib/errors/app-error';
import { assertCan, type StaffActor } from '@/lib/staff/staff-actor';

/** Stops a key at once: the next call with it is refused. Revoking is final; make a new key instead. */
export async function revokeApiKey(
  db: Database,
  { actor, id, now = new Date() }: { actor: StaffActor; id: string; now?: Date },
): Promise<{ name: string }> {
  assertCan(actor, 'settings.manage');
  return db.transaction(async (tx) => {
    const [revoked] = await tx
      .update(apiKeys)
      .set({ revokedAt: now })
      .where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
      .returning({ name: apiKeys.name });
    if (!revoked) throw new AppError('NOT_FOUND', 'No such key, or it was already revoked.');
    await recordEvent(tx, {
      requestId: null,
      actor: { type: 'staff', staffId: actor.staffId },
      action: 'api_key_revoked',
      details: { apiKeyId: id, name: revoked.name },
    });
    return revoked;
  });
}
