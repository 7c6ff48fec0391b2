import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { env } from '@/lib/env';
import { enqueueEmail, queueDelivery } from '@/lib/mail/enqueue-email';
import { eventually, sleep } from '@/test/support/eventually';
import { discardQueuedJobs } from '@/test/support/job-worker';
import { useTestDatabase } from '@/test/support/test-database';
import { enqueueJob } from './enqueue-job';

const db = useTestDatabase();
const listener = postgres(env().DATABASE_URL, { max: 1, onnotice: () => {} });
afterAll(() => listener.end({ timeout: 1 }));

/** The 'jobs:insert' notifications: graphile-worker's add_job sends {"r":…,"count":n}, wakeWorkers {"count":n}. */
async function listen(): Promise<{ wakes: () => number[]; addJobNotifications: () => number; stop: () => Promise<void> }> {
  const payloads: { r?: number; count: number }[] = [];
  const { unlisten } = await listener.listen('jobs:insert', (payload) => payloads.push(JSON.parse(payload)));
  return {
    wakes: () => payloads.filter((payload) => payload.r === undefined).map((payload) => payload.count),
    addJobNotifications: () => payloads.filter((payload) => payload.r !== undefined).length,
    stop: unlisten,
  };
}

const jobsFor = (outboundEmailId: string) =>
  db.execute<{ key: string | null }>(
    sql`select job.key from graphile_worker._private_jobs job where job.payload->>'outboundEmailId' = ${outboundEmailId}`,
  );

const anEmail = { requestId: null, to: 'someone@example.test', payload: { template: 'staff-sign-in', version: 1, props: {} } } as never;

describe('jobs queued in a transaction wake the workers after the commit, without the notify lock', () => {
  it('queues a new job quietly and wakes the workers once the transaction has committed', async () => {
    // graphile-worker registers a task with its first job (add_job, which notifies): register both tasks first.
    await queueDelivery(db, { outboundEmailId: randomUUID() });
    await enqueueJob(db, 'send-staff-sign-in-link', { email: 'staff@example.test', callbackUrl: '/' }, { runAt: new Date() });
    await sleep(50);
    const { wakes, addJobNotifications, stop } = await listen();

    let emailId = '';
    await db.transaction(async (tx) => {
      emailId = await enqueueEmail(tx, anEmail);
      await enqueueJob(tx, 'send-staff-sign-in-link', { email: 'staff@example.test', callbackUrl: '/' });
      await sleep(100);
      expect(wakes()).toEqual([]);
    });

    await eventually('the wake after the commit', async () => wakes().length > 0);
    await sleep(50);
    expect(wakes()).toEqual([2]);
    expect(addJobNotifications()).toBe(0);
    expect(await jobsFor(emailId)).toEqual([{ key: `email:${emailId}` }]);
    await stop();
  });

  it('wakes nobody and queues nothing when the transaction rolls back', async () => {
    const { wakes, addJobNotifications, stop } = await listen();
    let emailId = '';
    await db
      .transaction(async (tx) => {
        emailId = await enqueueEmail(tx, anEmail);
        throw new Error('roll back');
      })
      .catch(() => {});
    await sleep(150);
    expect(wakes()).toEqual([]);
    expect(addJobNotifications()).toBe(0);
    expect(await jobsFor(emailId)).toEqual([]);
    await stop();
  });

  it('keeps add_job for what only it does: replacing a waiting job with the same key', async () => {
    const outboundEmailId = randomUUID();
    await queueDelivery(db, { outboundEmailId, runAt: new Date(Date.now() + 60_000) });
    const { addJobNotifications, stop } = await listen();
    await db.transaction((tx) => queueDelivery(tx, { outboundEmailId }));
    await eventually('add_job’s notification', async () => addJobNotifications() === 1);
    // Still one job for the email: the second replaced the first, moving it up to now.
    const jobs = await db.execute<{ run_at: Date }>(
      sql`select run_at from graphile_worker._private_jobs where payload->>'outboundEmailId' = ${outboundEmailId}`,
    );
    expect(jobs).toHaveLength(1);
    expect(new Date(jobs[0]!.run_at).getTime()).toBeLessThan(Date.now() + 1000);
    await stop();
    await discardQueuedJobs(db);
  });
});
