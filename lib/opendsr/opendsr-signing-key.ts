import { createHmac, createPublicKey, type KeyObject, sign } from 'node:crypto';
import { ed25519PrivateKeyFromSeed } from '@/lib/audit/tree-head-signing-key';
import { env } from '@/lib/env';

/**
 * The key OpenDSR answers and status callbacks are signed with (OpenDSR §4.2, §8.6). The spec
 * asks for an X.509 certificate from a trusted authority; the app cannot be issued one, so it
 * signs with an Ed25519 key derived from APP_SECRET by its own label (never the audit log's key:
 * one key per purpose) and publishes the public half as PEM at the discovery's processor_certificate.
 */
function privateKey(): KeyObject {
  return ed25519PrivateKeyFromSeed(createHmac('sha256', env().APP_SECRET).update('opendsr-signing-key', 'utf8').digest());
}

/** The public key (SPKI, PEM) a controller verifies X-OpenDSR-Signature with. */
export function openDsrPublicKeyPem(): string {
  return createPublicKey(privateKey()).export({ format: 'pem', type: 'spki' }).toString();
}

/** The domain the signature speaks for (X-OpenDSR-Processor-Domain): this app's host. */
export function openDsrProcessorDomain(): string {
  return new URL(env().APP_URL).host;
}

/**
 * The signing headers for a body: Ed25519 over the exact bytes sent, base64, under both the
 * OpenDSR names and the OpenGDPR ones older controllers read (§10.1).
 */
export function openDsrSignatureHeaders(rawBody: string): Record<string, string> {
  const signature = sign(null, Buffer.from(rawBody, 'utf8'), privateKey()).toString('base64');
  const domain = openDsrProcessorDomain();
  return {
    'X-OpenDSR-Processor-Domain': domain,
    'X-OpenDSR-Signature': signature,
    'X-OpenGDPR-Processor-Domain': domain,
    'X-OpenGDPR-Signature': signature,
  };
}
