import NextAuth from 'next-auth';
import { authOptions } from '@/auth';
import { env } from '@/lib/env';
import { repairAuthCallbackUrls } from '@/lib/staff/callback-url';

// next-auth's own endpoints: the sign-in email request, the magic-link callback, sign-out, CSRF.
async function handler(request: Request, context: { params: Promise<{ nextauth: string[] }> }) {
  const repaired = repairAuthCallbackUrls(request, env().APP_URL);
  if (repaired) return repaired;
  return NextAuth(authOptions())(request, { params: await context.params });
}

export { handler as GET, handler as POST };
