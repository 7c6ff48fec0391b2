import { and, desc, eq } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { findTokenByHash } from '@/db/queries/request-tokens';
import { outboundEmails } from '@/db/schema';
import { hashToken } from '@/lib/security/tokens';

/** A pending link must stay usable at least this long after it is re-sent, or a fresh one is issued instead. */
const MIN_REMAINING_LIFETIME_MS = 60 * 60_000;

/**
 * The request's newest verification email that has not been delivered yet, if the link
 * inside it is still live for a while: the requester has not seen it, so there is no
 * reason to issue another (which would revoke it, and mail is not delivered in issue
 * order, so the last email to arrive could hold the dead link).
 */
export async function findUndeliveredVerificationEmail(
  tx: Transaction,
  { requestId, now }: { requestId: string; now: Date },
): Promise<{ id: string } | null> {
  const [pending] = await tx
    .select({ id: outboundEmails.id, payload: outboundEmails.payload })
    .from(outboundEmails)
    .where(and(eq(outboundEmails.requestId, requestId), eq(outboundEmails.template, 'verification'), eq(outboundEmails.status, 'pending')))
    .orderBy(desc(outboundEmails.createdAt))
    .limit(1);
  const verifyUrl = (pending?.payload as { props?: { verifyUrl?: unknown } } | null)?.props?.verifyUrl;
  if (!pending || typeof verifyUrl !== 'string') return null;
  const token = verifyUrl.slice(verifyUrl.lastIndexOf('/') + 1);
  const stored = await findTokenByHash(tx, { tokenHash: hashToken(token) });
  const isLive =
    stored &&
    stored.requestId === requestId &&
    !stored.revokedAt &&
    !stored.usedAt &&
    (!stored.expiresAt || stored.expiresAt.getTime() - now.getTime() > MIN_REMAINING_LIFETIME_MS);
  return isLive ? { id: pending.id } : null;
}
