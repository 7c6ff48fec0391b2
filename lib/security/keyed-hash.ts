import { createHmac } from 'node:crypto';
import { env } from '@/lib/env';

/**
 * HMAC-SHA256 with the application secret. A plain SHA-256 of an email address
 * can be reversed by hashing a list of addresses; a keyed hash cannot without the key.
 */
export function keyedHash(purpose: string, value: string): string {
  return createHmac('sha256', env().APP_SECRET).update(`${purpose}:${value}`, 'utf8').digest('hex');
}

export function hashEmail(email: string): string {
  return keyedHash('email', email.trim().toLowerCase());
}
