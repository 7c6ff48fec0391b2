import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { findStaffMemberByEmail } from '@/db/queries/staff-members';
import { staffSignInTokens } from '@/db/schema';
import { env } from '@/lib/env';
import { enqueueEmail } from '@/lib/mail/enqueue-email';
import { getOrganisationSettings } from '@/lib/settings/get-organisation-settings';
import { nextAuthHash } from './next-auth-secret';
import { sameOriginCallbackUrl } from './callback-url';

export const SIGN_IN_LINK_MINUTES = 15;

export type SendSignInLinkOptions = { email: string; callbackUrl: string; now?: Date };

/**
 * The worker's half of a sign-in (requestSignInLink queued it): an active member
 * of staff gets a fresh magic link by email; any other address gets nothing, and
 * nobody waits for the difference. The link is next-auth's own (its callback
 * checks it): the token is stored as next-auth hashes it, single use, 15 minutes.
 * Issuing a link deletes every older link for the address, so only the newest works.
 */
export async function sendSignInLink(db: Database, { email, callbackUrl, now = new Date() }: SendSignInLinkOptions): Promise<boolean> {
  const member = await findStaffMemberByEmail(db, { email });
  if (!member?.isActive) return false;
  const identifier = email.trim().toLowerCase();
  const token = randomBytes(32).toString('hex');
  const { APP_URL } = env();
  const signInUrl = `${APP_URL}/api/auth/callback/email?${new URLSearchParams({ callbackUrl: sameOriginCallbackUrl(callbackUrl, APP_URL), token, email: identifier })}`;
  await db.transaction(async (tx) => {
    // Two links asked for at once take turns here, so exactly one of them (the later) stays valid.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`staff-sign-in:${identifier}`}, 0))`);
    await tx.delete(staffSignInTokens).where(eq(staffSignInTokens.identifier, identifier));
    await tx
      .insert(staffSignInTokens)
      .values({ identifier, tokenHash: nextAuthHash(token), expires: new Date(now.getTime() + SIGN_IN_LINK_MINUTES * 60 * 1000) });
    const { organisationName } = await getOrganisationSettings(tx);
    await enqueueEmail(tx, {
      requestId: null,
      to: member.email,
      payload: { template: 'staff-sign-in', version: 1, props: { organisationName, signInUrl, expiresInMinutes: SIGN_IN_LINK_MINUTES } },
    });
  });
  return true;
}
