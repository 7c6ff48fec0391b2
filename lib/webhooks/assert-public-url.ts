import { AppError } from '@/lib/errors/app-error';
import { assertPublicHost, PrivateTargetError } from '@/lib/network/public-only-lookup';

/**
 * Refuses a URL that is not http(s), carries credentials, or (unless the admin setting
 * "allow private targets" is on, lib/settings/get-network-settings.ts) whose host is or
 * resolves to a private, loopback or link-local address (SSRF). The same host check and
 * the same setting as data sources' webhooks. Checked when saved and again before every
 * POST, whose connection also resolves through the public-only lookup (DNS can change).
 */
export async function assertPublicUrl(url: string, { allowPrivateTargets }: { allowPrivateTargets: boolean }): Promise<void> {
  const parsed = URL.canParse(url) ? new URL(url) : null;
  if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:'))
    throw new AppError('VALIDATION', 'Enter an http:// or https:// URL.', { field: 'url' });
  if (parsed.username || parsed.password)
    throw new AppError('VALIDATION', 'Leave credentials out of the URL: requests are signed instead.', { field: 'url' });
  if (allowPrivateTargets) return;
  try {
    await assertPublicHost(parsed.hostname);
  } catch (error) {
    if (!(error instanceof PrivateTargetError)) throw error;
    throw new AppError('VALIDATION', error.message, { field: 'url' });
  }
}
