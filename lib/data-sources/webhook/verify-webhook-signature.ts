import { timingSafeEqual } from 'node:crypto';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, webhookSignature } from './sign-webhook-request';

/** How far a signed timestamp may be from our clock, either way. */
export const SIGNATURE_TOLERANCE_SECONDS = 5 * 60;

export type SignatureCheck = { isValid: true } | { isValid: false; reason: 'missing' | 'malformed' | 'stale' | 'mismatch' };

/** What the sender is told when a signature is refused (no more than it needs to fix its side). */
export const signatureProblems: Record<Extract<SignatureCheck, { isValid: false }>['reason'], string> = {
  missing: `Sign the callback: ${TIMESTAMP_HEADER} and ${SIGNATURE_HEADER} are required.`,
  malformed: `Send ${TIMESTAMP_HEADER} as unix seconds and ${SIGNATURE_HEADER} as v1=<hex HMAC-SHA256>.`,
  stale: `${TIMESTAMP_HEADER} is more than 5 minutes from our clock: sign each callback when you send it.`,
  mismatch: "The signature does not match: sign `<timestamp>.<raw body>` with the source's secret.",
};

/**
 * The part of the check that needs no body: both headers present, the timestamp
 * as unix seconds within the tolerance, at least one well-formed `v1=` value.
 * The header may carry several (comma-separated) so a sender can sign with an old
 * and a new secret while the secret is rotated.
 */
export function parseSignatureHeaders({
  timestamp,
  signature,
  now = new Date(),
  toleranceSeconds = SIGNATURE_TOLERANCE_SECONDS,
}: {
  timestamp: string | null;
  signature: string | null;
  now?: Date;
  toleranceSeconds?: number;
}): { isValid: true; timestamp: string; candidates: string[] } | Extract<SignatureCheck, { isValid: false }> {
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
  return { isValid: true, timestamp: timestamp.trim(), candidates };
}

/**
 * Whether any candidate equals the expected HMAC. Every candidate is compared in
 * constant time (no early exit), so timing reveals nothing about which one matched
 * or how much of a signature matched.
 */
export function isMatchingSignature(expectedHex: string, candidates: string[]): boolean {
  const expected = Buffer.from(expectedHex, 'hex');
  let isMatch = false;
  for (const candidate of candidates) {
    if (timingSafeEqual(expected, Buffer.from(candidate, 'hex'))) isMatch = true;
  }
  return isMatch;
}

/** Checks `X-DSR-Desk-Signature` against the raw body and `X-DSR-Desk-Timestamp`. */
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
  const headers = parseSignatureHeaders({ timestamp, signature, now, toleranceSeconds });
  if (!headers.isValid) return headers;
  return isMatchingSignature(webhookSignature(secret, headers.timestamp, rawBody), headers.candidates)
    ? { isValid: true }
    : { isValid: false, reason: 'mismatch' };
}
