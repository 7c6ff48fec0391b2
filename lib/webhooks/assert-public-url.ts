import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors/app-error';
import { isPrivateAddress } from '@/lib/network/private-address';

/**
 * Refuses a URL that is not http(s) or whose host resolves to a private, loopback or
 * link-local address (SSRF), unless ALLOW_PRIVATE_WEBHOOK_URLS is set (a receiver on the
 * same network, or tests). Checked when saved and again before every POST, since DNS can change.
 */
export async function assertPublicUrl(url: string): Promise<void> {
  const parsed = URL.canParse(url) ? new URL(url) : null;
  if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:'))
    throw new AppError('VALIDATION', 'Enter an http:// or https:// URL.', { field: 'url' });
  if (parsed.username || parsed.password)
    throw new AppError('VALIDATION', 'Leave credentials out of the URL: requests are signed instead.', { field: 'url' });
  if (env().ALLOW_PRIVATE_WEBHOOK_URLS) return;
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : (await lookup(host, { all: true })).map((entry) => entry.address);
  } catch {
    throw new AppError('VALIDATION', `The host ${host} could not be resolved.`, { field: 'url' });
  }
  if (addresses.some(isPrivateAddress)) {
    throw new AppError(
      'VALIDATION',
      `${host} is a private or local address; dsr-desk only posts to public addresses (set ALLOW_PRIVATE_WEBHOOK_URLS=true to allow your own network).`,
      { field: 'url' },
    );
  }
}
