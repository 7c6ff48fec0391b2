import { createHmac, type Hmac } from 'node:crypto';

export const TIMESTAMP_HEADER = 'X-DSR-Desk-Timestamp';
export const SIGNATURE_HEADER = 'X-DSR-Desk-Signature';

/**
 * HMAC-SHA256, hex, over `<unix seconds>.<raw body>` with the source's secret.
 * The timestamp is inside the signature so a captured request cannot be replayed
 * later with a fresh timestamp.
 */
export function webhookSignature(secret: string, timestamp: string, rawBody: string | Uint8Array): string {
  return webhookSignatureHmac(secret, timestamp).update(rawBody).digest('hex');
}

/** The same HMAC, ready for the body to be fed in as it streams. */
export function webhookSignatureHmac(secret: string, timestamp: string): Hmac {
  return createHmac('sha256', secret).update(`${timestamp}.`, 'utf8');
}

/** The headers that sign one request (our job, or a test's callback) sent now. */
export function signWebhookRequest({
  secret,
  rawBody,
  now = new Date(),
}: {
  secret: string;
  rawBody: string | Uint8Array;
  now?: Date;
}): Record<string, string> {
  const timestamp = String(Math.floor(now.getTime() / 1000));
  return { [TIMESTAMP_HEADER]: timestamp, [SIGNATURE_HEADER]: `v1=${webhookSignature(secret, timestamp, rawBody)}` };
}
