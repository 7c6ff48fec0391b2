import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { env } from '@/lib/env';

/**
 * AES-256-GCM for secrets the app must use again but nobody should read from the
 * database or a backup: data-source connection strings and webhook signing secrets.
 * Stored as `v1.<iv>.<tag>.<ciphertext>` (base64url); the version names the key scheme,
 * so a later key rotation can tell old from new. GCM's tag makes any edit a decryption error.
 */
const VERSION = 'v1';

/** The key from ENCRYPTION_KEY (32 bytes, base64), or derived from APP_SECRET when that is unset. */
export function secretBoxKey({ encryptionKey, appSecret }: { encryptionKey?: string; appSecret: string }): Buffer {
  if (encryptionKey) return Buffer.from(encryptionKey, 'base64');
  return Buffer.from(hkdfSync('sha256', appSecret, 'dsr-desk', 'data-source-secrets', 32));
}

function encryptionKey(): Buffer {
  const { ENCRYPTION_KEY, APP_SECRET } = env();
  return secretBoxKey({ encryptionKey: ENCRYPTION_KEY, appSecret: APP_SECRET });
}

export function encryptSecret(plaintext: string, purpose: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', encryptionKey(), iv);
  // The purpose is bound in as associated data: a webhook secret's ciphertext can't be passed off as a connection string.
  cipher.setAAD(Buffer.from(purpose, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [VERSION, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ciphertext.toString('base64url')].join('.');
}

/** Decrypts with the current key, or with `key` (a previous one, while re-encrypting after a rotation). */
export function decryptSecret(stored: string, purpose: string, key: Buffer = encryptionKey()): string {
  const [version, iv, tag, ciphertext] = stored.split('.');
  if (version !== VERSION || !iv || !tag || ciphertext === undefined) throw new Error('unrecognised encrypted secret format');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(purpose, 'utf8'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  try {
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    throw new Error(
      'a stored secret could not be decrypted: ENCRYPTION_KEY (or APP_SECRET) changed since it was saved: run npm run sources:rekey with the previous key, or enter the secret again',
    );
  }
}
