import NextAuth from 'next-auth';
import { authOptions } from '@/auth';
import { getDb } from '@/lib/database';
import { env } from '@/lib/env';
import { isAppError } from '@/lib/errors/app-error';
import { readRawBody } from '@/lib/http/read-raw-body';
import { clientIpFrom } from '@/lib/security/client-ip';
import { repairAuthCallbackUrls, sameOriginCallbackUrl } from '@/lib/staff/callback-url';
import { requestSignInLink } from '@/lib/staff/request-sign-in-link';
import { isSignInCsrfValid } from '@/lib/staff/verify-sign-in-csrf';
import { ZRequestSignInLink } from '@/lib/validation/staff-sign-in';

// next-auth's own endpoints: the magic-link callback, sign-out, CSRF, session. The
// sign-in email request is answered here instead (requestSignInLink), the same way
// for every address.
async function handler(request: Request, context: { params: Promise<{ nextauth: string[] }> }) {
  const repaired = repairAuthCallbackUrls(request, env().APP_URL);
  if (repaired) return repaired;
  const params = await context.params;
  if (request.method === 'POST' && params.nextauth?.join('/') === 'signin/email') return requestSignInEmail(request);
  return NextAuth(authOptions())(request, { params });
}

/** The sign-in form's body is a few short fields. */
const MAX_SIGN_IN_BODY_BYTES = 16 * 1024;

/**
 * Answers like next-auth (a redirect, or `{ url }` JSON when its client asks) so
 * next-auth/react's signIn() keeps working; the answer and the work done are the
 * same whether or not the address belongs to a member of staff.
 */
async function requestSignInEmail(request: Request): Promise<Response> {
  const { APP_URL } = env();
  const authUrl = `${APP_URL}/api/auth`;
  const contentType = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (contentType !== 'application/x-www-form-urlencoded') {
    await request.body?.cancel().catch(() => undefined);
    return Response.json({ url: `${authUrl}/error?error=EmailSignin` }, { status: 415 });
  }
  let fields: Record<string, string>;
  try {
    fields = Object.fromEntries(new URLSearchParams((await readRawBody(request, MAX_SIGN_IN_BODY_BYTES)).toString('utf8')));
  } catch (error) {
    if (!isAppError(error)) throw error;
    return Response.json({ url: `${authUrl}/error?error=EmailSignin` }, { status: 413 });
  }
  const answer = (url: string, status: number, headers: Record<string, string> = {}) =>
    fields.json === 'true'
      ? Response.json({ url }, { status, headers })
      : new Response(null, { status: 302, headers: { ...headers, Location: url } });

  const parsed = ZRequestSignInLink.safeParse(fields);
  if (!parsed.success) return answer(`${authUrl}/error?error=EmailSignin`, 400);
  if (!isSignInCsrfValid(request.headers.get('cookie'), parsed.data.csrfToken)) return answer(`${authUrl}/signin?csrf=true`, 403);
  try {
    await requestSignInLink(getDb(), {
      email: parsed.data.email,
      callbackUrl: sameOriginCallbackUrl(parsed.data.callbackUrl, APP_URL),
      ip: clientIpFrom(request.headers),
    });
  } catch (error) {
    if (!isAppError(error, 'RATE_LIMITED')) throw error;
    return answer(`${APP_URL}/staff/sign-in?error=RateLimited`, 429, { 'Retry-After': String(error.details.retryAfterSeconds ?? 900) });
  }
  return answer(`${authUrl}/verify-request?provider=email&type=email`, 200);
}

export { handler as GET, handler as POST };
