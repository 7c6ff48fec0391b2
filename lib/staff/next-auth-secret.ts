import { createHash } from 'node:crypto';
import { keyedHash } from '@/lib/security/keyed-hash';

/** next-auth's secret (CSRF cookie, magic-link token hashes), derived from APP_SECRET. */
export function nextAuthSecret(): string {
  return keyedHash('next-auth', 'secret');
}

/** How next-auth stores a magic-link token, and an email-signin CSRF token's cookie hash: sha256(value + secret). */
export function nextAuthHash(value: string): string {
  return createHash('sha256').update(`${value}${nextAuthSecret()}`).digest('hex');
}
