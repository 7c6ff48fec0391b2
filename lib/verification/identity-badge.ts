import type { RequestRow } from '@/db/schema';
import { verificationLevelLabels } from '@/lib/validation/verification-levels';
import { hasReachedRequiredLevel } from './verification-requirement';

/** The queue's identity badge: the level reached, and whether it meets the level required, was overridden, or failed. */
export type IdentityBadge = { label: string; state: 'met' | 'below' | 'failed' | 'overridden' };

export function identityBadge(
  request: Pick<
    RequestRow,
    'verificationRequired' | 'verificationReached' | 'verificationDataPointsMatched' | 'verificationOverriddenAt' | 'verificationLockedAt'
  >,
): IdentityBadge {
  const label = request.verificationReached ? verificationLevelLabels[request.verificationReached] : 'Not confirmed';
  if (hasReachedRequiredLevel(request)) return { label, state: 'met' };
  if (request.verificationOverriddenAt) return { label: `${label} (overridden)`, state: 'overridden' };
  if (request.verificationLockedAt) return { label: 'Identity check failed', state: 'failed' };
  return { label: `${label} (below required)`, state: 'below' };
}
