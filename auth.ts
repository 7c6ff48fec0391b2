import type { NextAuthOptions } from 'next-auth';
import EmailProvider from 'next-auth/providers/email';
import { getDb } from '@/lib/database';
import { env } from '@/lib/env';
import { keyedHash } from '@/lib/security/keyed-hash';
import { sameOriginCallbackUrl } from '@/lib/staff/callback-url';
import { createStaffAuthAdapter } from '@/lib/staff/auth-adapter';
import { SIGN_IN_LINK_MINUTES, sendSignInLink } from '@/lib/staff/send-sign-in-link';

const EIGHT_HOURS = 8 * 60 * 60;

/**
 * Staff sign-in by email magic link. Sessions live in the database so that
 * deactivating a member ends them at once; they expire after 8 hours without
 * activity (each request within the window slides it, at most every 5 minutes).
 */
export function authOptions(): NextAuthOptions {
  const db = getDb();
  return {
    adapter: createStaffAuthAdapter(db),
    secret: keyedHash('next-auth', 'secret'),
    session: { strategy: 'database', maxAge: EIGHT_HOURS, updateAge: 5 * 60 },
    pages: { signIn: '/staff/sign-in', verifyRequest: '/staff/sign-in/check-email', error: '/staff/sign-in' },
    // next-auth's own log lines carry what was sent (addresses, callback URLs); print only its error code.
    logger: {
      error: (code) => console.error(`[next-auth] ${code}`),
      warn: (code) => console.warn(`[next-auth] ${code}`),
      debug: () => {},
    },
    providers: [
      EmailProvider({
        maxAge: SIGN_IN_LINK_MINUTES * 60,
        // Never used: sending goes through sendVerificationRequest and the outbox.
        server: { jsonTransport: true },
        from: 'unused@localhost',
        sendVerificationRequest: ({ identifier, url }) => sendSignInLink(db, { email: identifier, url }),
      }),
    ],
    callbacks: {
      async signIn({ user, email }) {
        const isActiveStaff = Boolean(user && 'emailVerified' in user && user.id !== user.email);
        if (isActiveStaff) return true;
        // Not an active member: answer exactly as if the link had been sent, so the
        // sign-in form does not reveal who works here. No email goes out.
        if (email?.verificationRequest) return `${env().APP_URL}/api/auth/verify-request?provider=email&type=email`;
        return false;
      },
      // Only pages of this site, whatever a sign-in POST asks for (next-auth's default throws on an unparseable URL).
      async redirect({ url, baseUrl }) {
        return sameOriginCallbackUrl(url, baseUrl);
      },
      async session({ session, user }) {
        return { ...session, user: { ...session.user, id: user.id } };
      },
    },
  };
}
