import NextAuth from 'next-auth';
import { authOptions } from '@/auth';

// next-auth's own endpoints: the sign-in email request, the magic-link callback, sign-out, CSRF.
async function handler(request: Request, context: { params: Promise<{ nextauth: string[] }> }) {
  return NextAuth(authOptions())(request, { params: await context.params });
}

export { handler as GET, handler as POST };
