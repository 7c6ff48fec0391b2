/**
 * HMAC-SHA256 hex through WebCrypto: an implementation independent of the app's
 * (node:crypto's createHmac), as a receiving system would write it.
 */
export async function independentHmacHex(key: string, message: string): Promise<string> {
  const encoder = new TextEncoder();
  const cryptoKey = await crypto.subtle.importKey('raw', encoder.encode(key), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return Buffer.from(await crypto.subtle.sign('HMAC', cryptoKey, encoder.encode(message))).toString('hex');
}

/** The callback headers a receiving system sends, signed without the app's code. */
export async function independentlySignedHeaders(secret: string, rawBody: string, now = new Date()): Promise<Record<string, string>> {
  const timestamp = String(Math.floor(now.getTime() / 1000));
  return { 'X-DSR-Desk-Timestamp': timestamp, 'X-DSR-Desk-Signature': `v1=${await independentHmacHex(secret, `${timestamp}.${rawBody}`)}` };
}
