import { eq } from 'drizzle-orm';
import { discardQueuedJobs, runQueuedJobs } from '@/test/support/job-worker';
import { afterAll, describe, expect, it } from 'vitest';
import { createDatabase } from '@/db/client';
import { intakeRateCounters } from '@/db/schema';
import { env } from '@/lib/env';
import { type AppError, isAppError } from '@/lib/errors/app-error';
import { hashEmail } from '@/lib/security/keyed-hash';
import type { TSubmitRequest } from '@/lib/validation/submit-request';
import { useEnvOverrides } from '@/test/support/env-overrides';
import { aSubmission, uniqueEmail, uniqueIp } from '@/test/support/fixtures';
import { listRequestsForEmail } from '@/test/support/requests';
import { useTestDatabase } from '@/test/support/test-database';
import { submitRequest } from './submit-request';

const db = useTestDatabase();
const setEnv = useEnvOverrides();
const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;

function submit(input: TSubmitRequest, { ip = uniqueIp(), now }: { ip?: string; now?: Date } = {}) {
  return submitRequest(db, { input, channel: 'web', ip, now });
}

async function rateLimitError(attempt: Promise<unknown>): Promise<AppError> {
  const error = await attempt.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!isAppError(error, 'RATE_LIMITED')) throw new Error(`expected RATE_LIMITED, got ${String(error)}`);
  return error;
}

describe('the per-address limit', () => {
  it('[requester] is refused a third request within a day when the limit is two', async () => {
    setEnv({ RATE_LIMIT_PER_EMAIL_PER_DAY: '2' });
    const email = uniqueEmail();

    expect(await submit(aSubmission({ email, type: 'access' }))).toBe('created');
    expect(await submit(aSubmission({ email, type: 'export' }))).toBe('created');
    const error = await rateLimitError(submit(aSubmission({ email, type: 'deletion' })));

    expect(error.httpStatus).toBe(429);
    // Until the current window (a UTC day) ends.
    const { retryAfterSeconds } = error.details as { retryAfterSeconds: number };
    expect(retryAfterSeconds).toBeGreaterThan(0);
    expect(retryAfterSeconds).toBeLessThanOrEqual(24 * 60 * 60);
    expect((await listRequestsForEmail(db, { email })).map((request) => request.type)).toEqual(['access', 'export']);
  });

  it('counts the address however it is capitalised or padded', async () => {
    setEnv({ RATE_LIMIT_PER_EMAIL_PER_DAY: '2' });
    const email = uniqueEmail();

    await submit(aSubmission({ email, type: 'access' }));
    await submit(aSubmission({ email: email.toUpperCase(), type: 'export' }));

    await rateLimitError(submit(aSubmission({ email: ` ${email.replace(/^./, (first) => first.toUpperCase())} `, type: 'deletion' })));
  });

  it('counts duplicate submissions too, so resending links cannot be used to flood an inbox', async () => {
    setEnv({ RATE_LIMIT_PER_EMAIL_PER_DAY: '2' });
    const input = aSubmission();

    expect(await submit(input)).toBe('created');
    expect(await submit(input)).toBe('merge-queued');
    await rateLimitError(submit(input));
  });

  it('counts per 24-hour window and starts again in the next one, saying when', async () => {
    setEnv({ RATE_LIMIT_PER_EMAIL_PER_DAY: '2' });
    const email = uniqueEmail();
    const windowStart = new Date(Math.floor(Date.now() / (24 * HOUR)) * 24 * HOUR);
    await submit(aSubmission({ email, type: 'access' }), { now: windowStart });
    await submit(aSubmission({ email, type: 'export' }), { now: windowStart });

    const error = await rateLimitError(
      submit(aSubmission({ email, type: 'deletion' }), { now: new Date(windowStart.getTime() + 24 * HOUR - MINUTE) }),
    );
    expect(error.details).toEqual({ retryAfterSeconds: 60 });
    expect(await submit(aSubmission({ email, type: 'deletion' }), { now: new Date(windowStart.getTime() + 24 * HOUR) })).toBe('created');
  });
});

describe('the per-IP limit', () => {
  it('refuses a third request from one IP within an hour when the limit is two, whatever the addresses', async () => {
    setEnv({ RATE_LIMIT_PER_IP_PER_HOUR: '2' });
    const ip = uniqueIp();

    await submit(aSubmission(), { ip });
    await submit(aSubmission(), { ip });
    const refused = aSubmission();
    const error = await rateLimitError(submit(refused, { ip }));

    expect((error.details as { retryAfterSeconds: number }).retryAfterSeconds).toBeLessThanOrEqual(60 * 60);
    expect(await listRequestsForEmail(db, { email: refused.email })).toHaveLength(0);
    expect(await submit(aSubmission(), { ip: uniqueIp() })).toBe('created');
  });

  it('counts per one-hour window and starts again in the next one', async () => {
    setEnv({ RATE_LIMIT_PER_IP_PER_HOUR: '2' });
    const ip = uniqueIp();
    const windowStart = new Date(Math.floor(Date.now() / HOUR) * HOUR);
    await submit(aSubmission(), { ip, now: windowStart });
    await submit(aSubmission(), { ip, now: windowStart });

    await rateLimitError(submit(aSubmission(), { ip, now: new Date(windowStart.getTime() + 59 * MINUTE) }));
    expect(await submit(aSubmission(), { ip, now: new Date(windowStart.getTime() + HOUR) })).toBe('created');
  });

  it('does not apply when the IP is unknown, while the per-address limit still does', async () => {
    setEnv({ RATE_LIMIT_PER_IP_PER_HOUR: '1', RATE_LIMIT_PER_EMAIL_PER_DAY: '2' });
    const email = uniqueEmail();

    expect(await submitRequest(db, { input: aSubmission({ email, type: 'access' }), channel: 'api', ip: null })).toBe('created');
    expect(await submitRequest(db, { input: aSubmission({ email, type: 'export' }), channel: 'api', ip: null })).toBe('created');
    await rateLimitError(submitRequest(db, { input: aSubmission({ email, type: 'deletion' }), channel: 'api', ip: null }));
  });
});

describe('simultaneous submissions', () => {
  const { db: wideDb, close } = createDatabase(env().DATABASE_URL, { max: 10 });
  afterAll(() => close());

  it('for one address with a limit of 5: exactly 5 of 10 get through (the counter row is locked from its upsert to commit)', async () => {
    setEnv({ RATE_LIMIT_PER_EMAIL_PER_DAY: '5' });
    const input = aSubmission();
    await discardQueuedJobs(db); // earlier tests' merge jobs

    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () => submitRequest(wideDb, { input, channel: 'web', ip: uniqueIp() })),
    );

    const succeeded = results.filter((result) => result.status === 'fulfilled');
    const refused = results.filter((result) => result.status === 'rejected');
    expect(succeeded).toHaveLength(5);
    expect(refused.every((result) => isAppError(result.reason, 'RATE_LIMITED'))).toBe(true);
    expect(succeeded.map((result) => result.value).sort()).toEqual([
      'created',
      'merge-queued',
      'merge-queued',
      'merge-queued',
      'merge-queued',
    ]);
    expect(await runQueuedJobs(db, 'merge-duplicate-submission')).toBe(4);
    expect(await listRequestsForEmail(db, { email: input.email })).toHaveLength(1);
    const counters = await db
      .select()
      .from(intakeRateCounters)
      .where(eq(intakeRateCounters.key, `email:${hashEmail(input.email)}`));
    expect(counters.map((counter) => counter.attempts)).toEqual([5]);
  });

  it('from one IP with a limit of 3: exactly 3 of 8 different addresses get through, none merged or lost', async () => {
    setEnv({ RATE_LIMIT_PER_IP_PER_HOUR: '3' });
    const ip = uniqueIp();
    const inputs = Array.from({ length: 8 }, () => aSubmission());

    const results = await Promise.allSettled(inputs.map((input) => submitRequest(wideDb, { input, channel: 'web', ip })));

    expect(results.filter((result) => result.status === 'fulfilled').map((result) => result.value)).toEqual([
      'created',
      'created',
      'created',
    ]);
    expect(results.filter((result) => result.status === 'rejected').every((result) => isAppError(result.reason, 'RATE_LIMITED'))).toBe(
      true,
    );
    const filed = await Promise.all(inputs.map((input) => listRequestsForEmail(db, { email: input.email })));
    expect(filed.flat()).toHaveLength(3);
  });
});
