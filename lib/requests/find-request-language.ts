import { eq } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '@/db/client';
import { findTokenByHash } from '@/db/queries/request-tokens';
import { requests } from '@/db/schema';
import { isSupportedLocale, type SupportedLocale } from '@/lib/i18n/locales';
import { hashToken, isSameHash } from '@/lib/security/tokens';
import { ZToken } from '@/lib/validation/token';

/**
 * The language of the request a status or confirmation link belongs to, so its pages speak the language the
 * requester chose rather than whatever browser opens the link. Null for a link that leads nowhere.
 */
export async function findRequestLanguage(db: DatabaseOrTransaction, { token }: { token: string }): Promise<SupportedLocale | null> {
  if (!ZToken.safeParse(token).success) return null;
  const tokenHash = hashToken(token);
  const row = await findTokenByHash(db, { tokenHash });
  if (!row || row.revokedAt || !isSameHash(row.tokenHash, tokenHash)) return null;
  const [request] = await db.select({ language: requests.language }).from(requests).where(eq(requests.id, row.requestId));
  return request && isSupportedLocale(request.language) ? request.language : null;
}
