import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useEnvOverrides } from '@/test/support/env-overrides';
import { decryptSecret, encryptSecret } from './secret-box';

const setEnv = useEnvOverrides();
const connectionString = 'postgres://shop:s3cret@db.internal:5432/shop';

describe('secret box (AES-256-GCM)', () => {
  it('round-trips a secret; each encryption differs (fresh IV) and none shows the plaintext', () => {
    const first = encryptSecret(connectionString, 'data-source:postgres');
    const second = encryptSecret(connectionString, 'data-source:postgres');

    expect(first).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(first).not.toBe(second);
    expect(first).not.toContain('s3cret');
    expect(decryptSecret(first, 'data-source:postgres')).toBe(connectionString);
    expect(decryptSecret(second, 'data-source:postgres')).toBe(connectionString);
  });

  it('refuses a ciphertext changed by one character', () => {
    const [version, iv, tag, ciphertext] = encryptSecret(connectionString, 'data-source:postgres').split('.');
    const tampered = [version, iv, tag, `${ciphertext![0] === 'A' ? 'B' : 'A'}${ciphertext!.slice(1)}`].join('.');
    expect(() => decryptSecret(tampered, 'data-source:postgres')).toThrow(/could not be decrypted/);
  });

  it('refuses a ciphertext made for another purpose (a webhook secret passed off as a connection string)', () => {
    const stored = encryptSecret('signing-secret', 'data-source:webhook');
    expect(() => decryptSecret(stored, 'data-source:postgres')).toThrow(/could not be decrypted/);
  });

  it('refuses what is not its format', () => {
    expect(() => decryptSecret('plain text', 'data-source:postgres')).toThrow('unrecognised encrypted secret format');
  });

  it('uses ENCRYPTION_KEY when set: a secret saved under the key derived from APP_SECRET no longer opens', () => {
    const underDerivedKey = encryptSecret(connectionString, 'data-source:postgres');
    setEnv({ ENCRYPTION_KEY: randomBytes(32).toString('base64') });

    const underEncryptionKey = encryptSecret(connectionString, 'data-source:postgres');
    expect(decryptSecret(underEncryptionKey, 'data-source:postgres')).toBe(connectionString);
    expect(() => decryptSecret(underDerivedKey, 'data-source:postgres')).toThrow(/ENCRYPTION_KEY \(or APP_SECRET\) changed/);
  });
});
