import { randomBytes } from 'node:crypto';

/** A webhook source's HMAC-SHA256 key: 32 random bytes, base64url, shown to the admin once and stored only encrypted. */
export function generateSigningSecret(): string {
  return randomBytes(32).toString('base64url');
}
