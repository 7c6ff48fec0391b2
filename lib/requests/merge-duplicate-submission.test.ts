import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { taskList } from '@/lib/jobs/task-list';
import { aSubmission, uniqueIp } from '@/test/support/fixtures';
import { runQueuedJobs } from '@/test/support/job-worker';
import { listOutboundEmails } from '@/test/support/outbox';
import { listEvents, submitUnverifiedRequest, submitVerifiedRequest } from '@/test/support/requests';
import { useTestDatabase } from '@/test/support/test-database';
import { mergeDuplicateSubmission } from './merge-duplicate-submission';
import { submitRequest } from './submit-request';

const db = useTestDatabase();

describe('the worker merges a repeat submission into its open request', () => {
  it('records the repeat with its channel and IP, as the requester filed it', async () => {
    const { request, input } = await submitUnverifiedRequest(db, { input: aSubmission() });
    const ip = uniqueIp();

    expect(await submitRequest(db, { input, channel: 'api', ip })).toBe('merge-queued');
    expect(await runQueuedJobs(db, 'merge-duplicate-submission')).toBe(1);

    const resent = (await listEvents(db, { requestId: request.id })).find((event) => event.action === 'verification_link_resent');
    expect(resent).toMatchObject({ details: { channel: 'api', reason: 'duplicate_submission' }, ip });
    expect(await listOutboundEmails(db, { requestId: request.id })).toHaveLength(1);
  });

  it('does nothing for a request that is gone by the time the job runs (purged while unconfirmed)', async () => {
    await expect(mergeDuplicateSubmission(db, { requestId: randomUUID(), channel: 'web', ip: null, jobId: '1' })).resolves.toBe('gone');
  });

  it('sends once when the same job runs again (the worker died after its commit, before the job was marked done)', async () => {
    const { request, input } = await submitVerifiedRequest(db, { input: aSubmission() });
    expect(await submitRequest(db, { input, channel: 'web', ip: uniqueIp() })).toBe('merge-queued');
    const [job] = await db.execute<{ id: string; payload: { requestId: string; channel: 'web' | 'api'; ip: string | null } }>(
      sql`select job.id::text, job.payload from graphile_worker._private_jobs job
          join graphile_worker._private_tasks task on task.id = job.task_id
          where task.identifier = 'merge-duplicate-submission' and job.payload->>'requestId' = ${request.id}`,
    );
    const run = taskList['merge-duplicate-submission'] as (payload: unknown, helpers: unknown) => Promise<void>;

    // Both runs at once, as a job whose lock expired and its first worker's late run would.
    await Promise.all([run(job!.payload, { job: { id: job!.id } }), run(job!.payload, { job: { id: job!.id } })]);
    await expect(mergeDuplicateSubmission(db, { ...job!.payload, jobId: job!.id })).resolves.toBe('already-merged');
    await db.execute(sql`select graphile_worker.complete_jobs(array[${job!.id}::bigint])`);

    const events = await listEvents(db, { requestId: request.id });
    expect(events.filter((event) => event.action === 'status_link_resent')).toEqual([
      expect.objectContaining({ details: expect.objectContaining({ jobId: job!.id }) }),
    ]);
    const links = (await listOutboundEmails(db, { requestId: request.id })).filter((email) => email.template === 'status-link');
    expect(links).toHaveLength(1);
  });

  it('lets every repeat send: each is its own job', async () => {
    const { request, input } = await submitVerifiedRequest(db, { input: aSubmission() });
    for (let repeat = 0; repeat < 2; repeat += 1)
      expect(await submitRequest(db, { input, channel: 'web', ip: uniqueIp() })).toBe('merge-queued');
    expect(await runQueuedJobs(db, 'merge-duplicate-submission')).toBe(2);
    expect(await runQueuedJobs(db, 'merge-duplicate-submission')).toBe(0);

    const resent = (await listEvents(db, { requestId: request.id })).filter((event) => event.action === 'status_link_resent');
    expect(new Set(resent.map((event) => (event.details as { jobId: string }).jobId)).size).toBe(2);
    const links = (await listOutboundEmails(db, { requestId: request.id })).filter((email) => email.template === 'status-link');
    expect(links).toHaveLength(2);
  });
});
