import type { DatabaseOrTransaction } from '@/db/client';
import { countIntakeAttempt } from '@/db/queries/intake-rate-counters';
import { AppError } from '@/lib/errors/app-error';

/** At most `max` attempts for `key` (a keyed hash, never an address) per fixed window of `windowMs`. */
export type AttemptLimit = { key: string; max: number; windowMs: number };

/** A limit's counter row for one window: where an attempt at a given time is counted. */
export type CounterWindow = { key: string; windowStart: Date; max: number };

/**
 * Counts one attempt against a limit, or throws RATE_LIMITED with the seconds until its window
 * ends in `retryAfterSeconds`. Runs inside the caller's transaction: the counter's upsert holds
 * its row lock until commit (concurrent attempts on one key count one after another, exactly;
 * other keys never wait), and a rolled-back attempt is not counted. Take a busy key (an IP) as
 * late in the transaction as possible.
 */
export async function enforceAttemptLimit(
  tx: DatabaseOrTransaction,
  { key, max, windowMs }: AttemptLimit,
  { now, message }: { now: Date; message: string },
): Promise<void> {
  const { windowStart } = counterWindow({ key, max, windowMs }, now);
  const attempts = await countIntakeAttempt(tx, { key, windowStart });
  if (attempts > max) {
    throw new AppError('RATE_LIMITED', message, {
      retryAfterSeconds: Math.max(1, Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000)),
    });
  }
}

/** The counter row a limit's attempt at `now` goes to: its key and the start of the fixed window `now` falls in. */
export function counterWindow({ key, max, windowMs }: AttemptLimit, now: Date): CounterWindow {
  return { key, max, windowStart: new Date(Math.floor(now.getTime() / windowMs) * windowMs) };
}

/** Several limits in one fixed order (callers always pass them alike, so two attempts cannot deadlock). */
export async function enforceAttemptLimits(
  tx: DatabaseOrTransaction,
  { limits, now, message }: { limits: AttemptLimit[]; now: Date; message: string },
): Promise<void> {
  for (const limit of limits) await enforceAttemptLimit(tx, limit, { now, message });
}
