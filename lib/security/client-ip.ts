import { isIP } from 'node:net';

/**
 * The client's IP for rate limits and the audit trail. scripts/web-server.ts
 * overwrites X-Forwarded-For with the socket address unless TRUST_PROXY is set,
 * in which case the proxy in front must set it (its first entry is the client).
 */
export function clientIpFrom(headers: Headers): string | null {
  const first = headers.get('x-forwarded-for')?.split(',')[0]?.trim() ?? '';
  const withoutMappedPrefix = first.startsWith('::ffff:') && isIP(first.slice(7)) === 4 ? first.slice(7) : first;
  return isIP(withoutMappedPrefix) ? withoutMappedPrefix : null;
}
