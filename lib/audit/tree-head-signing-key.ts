import { createHash, createHmac, createPrivateKey, createPublicKey, type KeyObject, sign, verify } from 'node:crypto';
import { env } from '@/lib/env';

export type TreeHead = { treeSize: number; rootHash: string; signedAt: string };

// DER prefixes of an Ed25519 private key (PKCS#8) and public key (SPKI); the raw 32 bytes follow.
const pkcs8Prefix = Buffer.from('302e020100300506032b657004220420', 'hex');
const spkiPrefix = Buffer.from('302a300506032b6570032100', 'hex');

/**
 * The audit log's Ed25519 signing key: AUDIT_SIGNING_KEY (a 32-byte seed, base64) or, unset, a seed
 * derived from APP_SECRET by label, like the other keys the app derives from it.
 */
function privateKey(): KeyObject {
  const { AUDIT_SIGNING_KEY, APP_SECRET } = env();
  const seed = AUDIT_SIGNING_KEY
    ? Buffer.from(AUDIT_SIGNING_KEY, 'base64')
    : createHmac('sha256', APP_SECRET).update('audit-tree-head-signing-key', 'utf8').digest();
  return ed25519PrivateKeyFromSeed(seed);
}

/** An Ed25519 private key from its 32-byte seed (also the OpenDSR signing key's, lib/opendsr/opendsr-signing-key.ts). */
export function ed25519PrivateKeyFromSeed(seed: Buffer): KeyObject {
  return createPrivateKey({ key: Buffer.concat([pkcs8Prefix, seed]), format: 'der', type: 'pkcs8' });
}

export type AuditPublicKey = { base64: string; fingerprint: string };

/** The public half, as auditors are given it: raw 32 bytes in base64, and the sha256 (hex) of those bytes. */
export function auditPublicKey(): AuditPublicKey {
  const raw = createPublicKey(privateKey()).export({ format: 'der', type: 'spki' }).subarray(spkiPrefix.length);
  return { base64: raw.toString('base64'), fingerprint: publicKeyFingerprint(raw.toString('base64')) };
}

export function publicKeyFingerprint(publicKeyBase64: string): string {
  return createHash('sha256').update(Buffer.from(publicKeyBase64, 'base64')).digest('hex');
}

/**
 * The bytes a tree head's signature covers: four text lines, so anyone can check one with a few
 * lines of any language (`printf 'dsr-desk audit tree head v1\n%s\n%s\n%s\n' size root time`).
 */
export function treeHeadMessage({ treeSize, rootHash, signedAt }: TreeHead): string {
  return `dsr-desk audit tree head v1\n${treeSize}\n${rootHash}\n${signedAt}\n`;
}

export function signText(text: string): string {
  return sign(null, Buffer.from(text, 'utf8'), privateKey()).toString('base64');
}

/** Checks an Ed25519 signature against a public key given as base64 raw bytes; false for any malformed input. */
export function isSignatureValid(text: string, signatureBase64: string, publicKeyBase64: string): boolean {
  try {
    const raw = Buffer.from(publicKeyBase64, 'base64');
    const signature = Buffer.from(signatureBase64, 'base64');
    if (raw.length !== 32 || signature.length !== 64) return false;
    const key = createPublicKey({ key: Buffer.concat([spkiPrefix, raw]), format: 'der', type: 'spki' });
    return verify(null, Buffer.from(text, 'utf8'), key, signature);
  } catch {
    return false;
  }
}
