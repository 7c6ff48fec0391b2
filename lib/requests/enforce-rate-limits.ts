import type { DatabaseOrTransaction } from '@/db/client';
import { countIntakeAttemptsSince, findIntakeAttemptTime, insertIntakeAttempts, lockIntakeKey } from '@/db/queries/intake-attempts';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors/app-error';
import { keyedHash } from '@/lib/security/keyed-hash';

const HOUR = 60 * 60 * 1000;

export type EnforceRateLimitsOptions = { emailHash: string; ip: string | null; now: Date };

/**
 * Counts this attempt against the per-email (24 h) and per-IP (1 h) limits, or
 * throws RATE_LIMITED. Must run inside the intake transaction: the advisory locks
 * make count-then-insert atomic per key, and a rolled-back intake is not counted.
 * Keys are always locked email first, then IP, so two intakes cannot deadlock.
 */
export async function enforceRateLimits(tx: DatabaseOrTransaction, { emailHash, ip, now }: EnforceRateLimitsOptions): Promise<void> {
  const { RATE_LIMIT_PER_EMAIL_PER_DAY, RATE_LIMIT_PER_IP_PER_HOUR } = env();
  const limits = [{ key: `email:${emailHash}`, max: RATE_LIMIT_PER_EMAIL_PER_DAY, windowMs: 24 * HOUR }];
  if (ip) limits.push({ key: `ip:${keyedHash('ip', ip)}`, max: RATE_LIMIT_PER_IP_PER_HOUR, windowMs: HOUR });

  for (const limit of limits) {
    await lockIntakeKey(tx, { key: limit.key });
    const since = new Date(now.getTime() - limit.windowMs);
    const recent = await countIntakeAttemptsSince(tx, { key: limit.key, since });
    if (recent >= limit.max) {
      // Retry-After is the time until enough attempts leave the window for one more to fit, not the whole window.
      const leavesWindowFrom = await findIntakeAttemptTime(tx, { key: limit.key, since, offset: recent - limit.max });
      const reopensAt = (leavesWindowFrom ?? now).getTime() + limit.windowMs;
      throw new AppError('RATE_LIMITED', 'Too many requests have been made from here recently. Please try again later.', {
        retryAfterSeconds: Math.max(1, Math.ceil((reopensAt - now.getTime()) / 1000)),
      });
    }
  }
  await insertIntakeAttempts(tx, { keys: limits.map((limit) => limit.key), now });
}
