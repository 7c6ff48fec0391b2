import type { DatabaseOrTransaction } from '@/db/client';
import { env } from '@/lib/env';
import { type AttemptLimit, enforceAttemptLimit } from '@/lib/security/enforce-attempt-limits';
import { keyedHash } from '@/lib/security/keyed-hash';

const HOUR = 60 * 60 * 1000;

export type RateLimit = AttemptLimit;

/** Submissions per address: per fixed 24-hour window (UTC days). */
export function emailRateLimit(emailHash: string): RateLimit {
  return { key: `email:${emailHash}`, max: env().RATE_LIMIT_PER_EMAIL_PER_DAY, windowMs: 24 * HOUR };
}

/** Submissions per client address: per fixed one-hour window. */
export function ipRateLimit(ip: string): RateLimit {
  return { key: `ip:${keyedHash('ip', ip)}`, max: env().RATE_LIMIT_PER_IP_PER_HOUR, windowMs: HOUR };
}

/**
 * Counts this attempt against one limit, or throws RATE_LIMITED (which rolls the count back with the
 * rest of the intake). Runs inside the intake transaction; the counter row stays locked until commit,
 * so take a busy key (an IP) as late in the transaction as possible.
 */
export async function enforceRateLimit(tx: DatabaseOrTransaction, limit: RateLimit, now: Date): Promise<void> {
  await enforceAttemptLimit(tx, limit, { now, message: 'Too many requests have been made from here recently. Please try again later.' });
}

export type EnforceRateLimitsOptions = { emailHash: string; ip: string | null; now: Date };

/** Both limits at once, address first, for a use case with nothing else to do in between (resending a link). */
export async function enforceRateLimits(tx: DatabaseOrTransaction, { emailHash, ip, now }: EnforceRateLimitsOptions): Promise<void> {
  await enforceRateLimit(tx, emailRateLimit(emailHash), now);
  if (ip) await enforceRateLimit(tx, ipRateLimit(ip), now);
}
