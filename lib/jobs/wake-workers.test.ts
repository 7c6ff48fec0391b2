import { sql } from 'drizzle-orm';
import { Logger, run } from 'graphile-worker';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { env } from '@/lib/env';
import { eventually, sleep } from '@/test/support/eventually';
import { useTestDatabase } from '@/test/support/test-database';
import { wakeWorkers } from './wake-workers';

const db = useTestDatabase();
const listener = postgres(env().DATABASE_URL, { max: 1, onnotice: () => {} });
afterAll(() => listener.end({ timeout: 1 }));

async function listen(): Promise<{ payloads: string[]; stop: () => Promise<void> }> {
  const payloads: string[] = [];
  const { unlisten } = await listener.listen('jobs:insert', (payload) => payloads.push(payload));
  return { payloads, stop: unlisten };
}

const addQuietly = (task: string, payload: object) =>
  db.execute(sql`select add_job_quietly(${task}, ${JSON.stringify(payload)}::json, null, 25::smallint)`);

describe('add_job_quietly and wakeWorkers: jobs queued without a notification inside the transaction', () => {
  it('queues a job without notifying once its task is known; the first job of a new task goes through add_job', async () => {
    const { payloads, stop } = await listen();
    await addQuietly('quiet-task', { n: 1 }); // unknown task: add_job registers it, and notifies
    await eventually('add_job’s own notification', async () => payloads.length === 1);
    await addQuietly('quiet-task', { n: 2 });
    await addQuietly('quiet-task', { n: 3 });
    await sleep(300);
    expect(payloads).toHaveLength(1);
    const jobs = await db.execute<{ payload: { n: number }; max_attempts: number; locked_by: string | null }>(
      sql`select job.payload, job.max_attempts, job.locked_by from graphile_worker._private_jobs job
          join graphile_worker._private_tasks task on task.id = job.task_id where task.identifier = 'quiet-task' order by job.id`,
    );
    expect(jobs.map((job) => job.payload.n)).toEqual([1, 2, 3]);
    expect(jobs.every((job) => job.max_attempts === 25 && job.locked_by === null)).toBe(true);
    await stop();
  });

  it('sends one notification for the wakes of a few milliseconds, carrying their count', async () => {
    const { payloads, stop } = await listen();
    wakeWorkers(db);
    wakeWorkers(db);
    wakeWorkers(db, 3);
    await eventually('the wake', async () => payloads.length > 0);
    await sleep(200);
    expect(payloads.map((payload) => JSON.parse(payload))).toEqual([{ count: 5 }]);
    await stop();
  });

  it('a worker that polls only every minute runs a quietly queued job at once when woken', async () => {
    const ran: number[] = [];
    const runner = await run({
      connectionString: env().DATABASE_URL,
      concurrency: 1,
      pollInterval: 60_000,
      noHandleSignals: true,
      logger: new Logger(() => () => {}),
      taskList: { 'woken-task': async (payload) => void ran.push((payload as { n: number }).n) },
    });
    try {
      await addQuietly('woken-task', { n: 1 }); // registers the task (add_job)
      await eventually('the first job', async () => ran.length === 1, { timeoutMs: 10_000 });
      await sleep(500); // the worker is idle and waits for a notification or its next poll, a minute away
      await addQuietly('woken-task', { n: 2 });
      await sleep(500);
      expect(ran).toEqual([1]); // queued quietly: nothing told the worker
      wakeWorkers(db);
      await eventually('the woken job', async () => ran.length === 2, { timeoutMs: 10_000 });
      expect(ran).toEqual([1, 2]);
    } finally {
      await runner.stop();
    }
  });
});
