import { AppError } from '@/lib/errors/app-error';
import { assertPublicHost, PrivateTargetError } from '@/lib/network/public-only-lookup';

/**
 * Before a webhook source is saved: unless private targets are allowed, its URL's
 * host may not be, or resolve to, a loopback, private or link-local address. The
 * worker checks again at each connection (DNS can change after saving).
 */
export async function checkWebhookTarget(url: string, { allowPrivateTargets }: { allowPrivateTargets: boolean }): Promise<void> {
  if (allowPrivateTargets) return;
  try {
    await assertPublicHost(new URL(url).hostname);
  } catch (error) {
    if (!(error instanceof PrivateTargetError)) throw error;
    throw new AppError('VALIDATION', 'The URL points at a private address.', { fieldErrors: { url: [error.message] } });
  }
}
