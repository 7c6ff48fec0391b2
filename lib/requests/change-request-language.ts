import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { findTokenByHash } from '@/db/queries/request-tokens';
import { requests } from '@/db/schema';
import { recordEvent } from '@/lib/audit/record-event';
import type { SupportedLocale } from '@/lib/i18n/locales';
import { hashToken, isSameHash } from '@/lib/security/tokens';
import { ZToken } from '@/lib/validation/token';

/**
 * The requester switched language on one of their request's pages (status or confirmation): that request's
 * later emails and pages follow. Holding the link is the authority, as for everything else on those pages.
 * Returns whether a request changed.
 */
export async function changeRequestLanguage(
  db: Database,
  { token, language, ip = null }: { token: string; language: SupportedLocale; ip?: string | null },
): Promise<boolean> {
  if (!ZToken.safeParse(token).success) return false;
  const tokenHash = hashToken(token);
  return db.transaction(async (tx) => {
    const row = await findTokenByHash(tx, { tokenHash });
    if (!row || row.revokedAt || !isSameHash(row.tokenHash, tokenHash)) return false;
    // The row lock orders this against a staff action reading the language for the email it queues.
    const [request] = await tx.select().from(requests).where(eq(requests.id, row.requestId)).for('update');
    if (!request || request.purgedAt || request.language === language) return false;
    await tx
      .update(requests)
      .set({ language, updatedAt: new Date(), version: request.version + 1 })
      .where(eq(requests.id, request.id));
    await recordEvent(tx, {
      requestId: request.id,
      actor: { type: 'requester' },
      action: 'language_changed',
      details: { from: request.language, to: language },
      ip,
    });
    return true;
  });
}
