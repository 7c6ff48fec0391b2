import { timingSafeEqual } from 'node:crypto';
import { webhookSignature } from './sign-webhook-request';

/** How far a signed timestamp may be from our clock, either way. */
export const SIGNATURE_TOLERANCE_SECONDS = 5 * 60;

export type SignatureCheck = { isValid: true } | { isValid: false; reason: 'missing' | 'malformed' | 'stale' | 'mismatch' };

/**
 * Checks `X-DSR-Desk-Signature` against the raw body and `X-DSR-Desk-Timestamp`.
 * The header may carry several `v1=` values (comma-separated) so a sender can sign
 * with an old and a new secret while the secret is rotated; any one matching is
 * enough. Comparison is constant-time, so timing reveals nothing about how much of
 * a signature matched.
 */
export function verifyWebhookSignature({
  secret,
  rawBody,
  timestamp,
  signature,
  now = new Date(),
  toleranceSeconds = SIGNATURE_TOLERANCE_SECONDS,
}: {
  secret: string;
  rawBody: string | Uint8Array;
  timestamp: string | null;
  signature: string | null;
  now?: Date;
  toleranceSeconds?: number;
}): SignatureCheck {
  if (!timestamp || !signature) return { isValid: false, reason: 'missing' };
  if (!/^\d{1,12}$/.test(timestamp.trim())) return { isValid: false, reason: 'malformed' };
  const candidates = signature
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.startsWith('v1='))
    .map((part) => part.slice(3))
    .filter((candidate) => /^[0-9a-fA-F]{64}$/.test(candidate));
  if (candidates.length === 0) return { isValid: false, reason: 'malformed' };
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > toleranceSeconds) return { isValid: false, reason: 'stale' };

  const expected = Buffer.from(webhookSignature(secret, timestamp.trim(), rawBody), 'hex');
  // Every candidate is compared (no early exit), so the time taken does not depend on which one matched.
  let isMatch = false;
  for (const candidate of candidates) {
    if (timingSafeEqual(expected, Buffer.from(candidate, 'hex'))) isMatch = true;
  }
  return isMatch ? { isValid: true } : { isValid: false, reason: 'mismatch' };
}
