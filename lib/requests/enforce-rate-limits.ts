import type { DatabaseOrTransaction } from '@/db/client';
import { env } from '@/lib/env';
import { type AttemptLimit, enforceAttemptLimits } from '@/lib/security/enforce-attempt-limits';
import { keyedHash } from '@/lib/security/keyed-hash';

const HOUR = 60 * 60 * 1000;

export type EnforceRateLimitsOptions = { emailHash: string; ip: string | null; now: Date };

/**
 * Counts this attempt against the per-email (24 h) and per-IP (1 h) limits, or
 * throws RATE_LIMITED. Must run inside the intake transaction (enforceAttemptLimits
 * says why). Keys are always locked email first, then IP, so two intakes cannot deadlock.
 */
export async function enforceRateLimits(tx: DatabaseOrTransaction, { emailHash, ip, now }: EnforceRateLimitsOptions): Promise<void> {
  const { RATE_LIMIT_PER_EMAIL_PER_DAY, RATE_LIMIT_PER_IP_PER_HOUR } = env();
  const limits: AttemptLimit[] = [{ key: `email:${emailHash}`, max: RATE_LIMIT_PER_EMAIL_PER_DAY, windowMs: 24 * HOUR }];
  if (ip) limits.push({ key: `ip:${keyedHash('ip', ip)}`, max: RATE_LIMIT_PER_IP_PER_HOUR, windowMs: HOUR });
  await enforceAttemptLimits(tx, { limits, now, message: 'Too many requests have been made from here recently. Please try again later.' });
}
