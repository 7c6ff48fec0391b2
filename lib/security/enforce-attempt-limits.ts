import type { DatabaseOrTransaction } from '@/db/client';
import { countIntakeAttemptsSince, findIntakeAttemptTime, insertIntakeAttempts, lockIntakeKey } from '@/db/queries/intake-attempts';
import { AppError } from '@/lib/errors/app-error';

/** At most `max` attempts for `key` (a keyed hash, never an address) in any `windowMs`. */
export type AttemptLimit = { key: string; max: number; windowMs: number };

/**
 * Counts one attempt against each limit, or throws RATE_LIMITED with the time until
 * the window has room again in `retryAfterSeconds`. Must run inside the caller's transaction: the advisory
 * locks make count-then-insert atomic per key, and a rolled-back attempt is not
 * counted. Callers pass their keys in one fixed order, so two attempts cannot deadlock.
 */
export async function enforceAttemptLimits(tx: DatabaseOrTransaction, { limits, now, message }: { limits: AttemptLimit[]; now: Date; message: string }): Promise<void> {
  for (const limit of limits) {
    await lockIntakeKey(tx, { key: limit.key });
    const since = new Date(now.getTime() - limit.windowMs);
    const recent = await countIntakeAttemptsSince(tx, { key: limit.key, since });
    if (recent >= limit.max) {
      // Retry-After is the time until enough attempts leave the window for one more to fit, not the whole window.
      const leavesWindowFrom = await findIntakeAttemptTime(tx, { key: limit.key, since, offset: recent - limit.max });
      const reopensAt = (leavesWindowFrom ?? now).getTime() + limit.windowMs;
      throw new AppError('RATE_LIMITED', message, { retryAfterSeconds: Math.max(1, Math.ceil((reopensAt - now.getTime()) / 1000)) });
    }
  }
  await insertIntakeAttempts(tx, { keys: limits.map((limit) => limit.key), now });
}
