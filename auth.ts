import type { NextAuthOptions } from 'next-auth';
import EmailProvider from 'next-auth/providers/email';
import { getDb } from '@/lib/database';
import { env } from '@/lib/env';
import { sameOriginCallbackUrl } from '@/lib/staff/callback-url';
import { createStaffAuthAdapter } from '@/lib/staff/auth-adapter';
import { nextAuthSecret } from '@/lib/staff/next-auth-secret';
import { SIGN_IN_LINK_MINUTES } from '@/lib/staff/send-sign-in-link';

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
    secret: nextAuthSecret(),
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
        // Never used: app/api/auth/[...nextauth]/route.ts answers the sign-in POST itself
        // (requestSignInLink), and the worker sends the link (sendSignInLink).
        server: { jsonTransport: true },
        from: 'unused@localhost',
        sendVerificationRequest: () => {
          throw new Error('sign-in links are sent by the worker (lib/staff/send-sign-in-link.ts)');
        },
      }),
    ],
    callbacks: {
      async signIn({ user, email }) {
        // next-auth's own sign-in POST never sends anything (the route answers it), and
        // answers every address alike if it is ever reached.
        if (email?.verificationRequest) return `${env().APP_URL}/api/auth/verify-request?provider=email&type=email`;
        // Following a magic link: only an active member signs in.
        return Boolean(user && 'emailVerified' in user && user.id !== user.email);
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
