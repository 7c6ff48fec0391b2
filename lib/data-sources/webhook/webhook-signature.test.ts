import { describe, expect, it } from 'vitest';
import { independentHmacHex } from '@/test/support/independent-hmac';
import { SIGNATURE_HEADER, signWebhookRequest, TIMESTAMP_HEADER } from './sign-webhook-request';
import { verifyWebhookSignature } from './verify-webhook-signature';

const secret = 'whsec-test-0123456789abcdef';
const body = JSON.stringify({ jobId: 'x'.repeat(43), status: 'completed', rowCounts: { orders: 3 }, note: 'Grüße' });
const now = new Date('2026-03-01T12:00:00Z');
const nowSeconds = String(now.getTime() / 1000);

function independentSignature(key: string, timestamp: string, payload: string): Promise<string> {
  return independentHmacHex(key, `${timestamp}.${payload}`);
}

function verify(overrides: Partial<Parameters<typeof verifyWebhookSignature>[0]> = {}) {
  return verifyWebhookSignature({ secret, rawBody: body, timestamp: nowSeconds, signature: null, now, ...overrides });
}

describe('signing a webhook request', () => {
  it('puts unix seconds in the timestamp header and v1=<HMAC-SHA256 of "timestamp.body"> in the signature header, matching an independent HMAC', async () => {
    const headers = signWebhookRequest({ secret, rawBody: body, now });

    expect(headers[TIMESTAMP_HEADER]).toBe(nowSeconds);
    expect(headers[SIGNATURE_HEADER]).toBe(`v1=${await independentSignature(secret, nowSeconds, body)}`);
  });

  it('signs the exact bytes: the same body as a Uint8Array gives the same signature', () => {
    expect(signWebhookRequest({ secret, rawBody: new TextEncoder().encode(body), now })).toEqual(
      signWebhookRequest({ secret, rawBody: body, now }),
    );
  });
});

describe('verifying a webhook signature', () => {
  it('accepts a signature made by an independent HMAC implementation', async () => {
    expect(verify({ signature: `v1=${await independentSignature(secret, nowSeconds, body)}` })).toEqual({ isValid: true });
  });

  it('accepts any one of several v1 values, for secret rotation, and ignores other schemes', async () => {
    const old = await independentSignature('the-previous-secret-000000', nowSeconds, body);
    const current = await independentSignature(secret, nowSeconds, body);

    expect(verify({ signature: `v0=abc, v1=${old}, v1=${current}` })).toEqual({ isValid: true });
    expect(verify({ signature: `v1=${current.toUpperCase()}` })).toEqual({ isValid: true });
  });

  it('accepts a timestamp up to 5 minutes away either way, and refuses one further as stale', async () => {
    for (const offset of [-300, 300]) {
      const timestamp = String(Number(nowSeconds) + offset);
      expect(verify({ timestamp, signature: `v1=${await independentSignature(secret, timestamp, body)}` })).toEqual({ isValid: true });
    }
    for (const offset of [-301, 301]) {
      const timestamp = String(Number(nowSeconds) + offset);
      expect(verify({ timestamp, signature: `v1=${await independentSignature(secret, timestamp, body)}` })).toEqual({
        isValid: false,
        reason: 'stale',
      });
    }
  });

  it('refuses a changed body, another secret, or a signature moved to another timestamp', async () => {
    const signature = `v1=${await independentSignature(secret, nowSeconds, body)}`;

    expect(verify({ signature, rawBody: body.replace('3', '4') })).toEqual({ isValid: false, reason: 'mismatch' });
    expect(verify({ signature, secret: `${secret}x` })).toEqual({ isValid: false, reason: 'mismatch' });
    expect(verify({ signature, timestamp: String(Number(nowSeconds) - 1) })).toEqual({ isValid: false, reason: 'mismatch' });
  });

  it.each([
    ['no signature header', { signature: null }, 'missing'],
    ['no timestamp header', { timestamp: null, signature: `v1=${'0'.repeat(64)}` }, 'missing'],
    ['a timestamp that is not unix seconds', { timestamp: '2026-03-01T12:00:00Z', signature: `v1=${'0'.repeat(64)}` }, 'malformed'],
    ['a signature without v1=', { signature: '0'.repeat(64) }, 'malformed'],
    ['a v1 value that is not 64 hex digits', { signature: 'v1=abc' }, 'malformed'],
  ] as const)('refuses %s', (_description, overrides, reason) => {
    expect(verify(overrides)).toEqual({ isValid: false, reason });
  });
});
