import { timingSafeEqual } from 'node:crypto';
import { nextAuthHash } from './next-auth-secret';

const COOKIE_NAMES = ['__Host-next-auth.csrf-token', 'next-auth.csrf-token'];

/**
 * next-auth's double-submit CSRF check for the sign-in POST, which we answer
 * ourselves (requestSignInLink): the cookie holds `<token>|sha256(token + secret)`
 * and the form must send the same token. Same rule as next-auth's createCSRFToken.
 */
export function isSignInCsrfValid(cookieHeader: string | null, formToken: string | undefined): boolean {
  if (!cookieHeader || !formToken) return false;
  const cookies = new Map(
    cookieHeader.split(';').map((part) => {
      const separator = part.indexOf('=');
      return [part.slice(0, separator).trim(), part.slice(separator + 1).trim()] as const;
    }),
  );
  const value = COOKIE_NAMES.map((name) => cookies.get(name)).find(Boolean);
  if (!value) return false;
  let decoded: string;
  try {
    decoded = decodeURIComponent(value);
  } catch {
    return false;
  }
  const [token = '', hash = ''] = decoded.split('|');
  return isSame(hash, nextAuthHash(token)) && isSame(token, formToken);
}

function isSame(left: string, right: string): boolean {
  const a = Buffer.from(left);
  const b = Buffer.from(right);
  return a.length === b.length && timingSafeEqual(a, b);
}
