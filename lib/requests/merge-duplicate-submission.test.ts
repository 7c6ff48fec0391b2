import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { aSubmission, uniqueIp } from '@/test/support/fixtures';
import { runQueuedJobs } from '@/test/support/job-worker';
import { listOutboundEmails } from '@/test/support/outbox';
import { listEvents, submitUnverifiedRequest } from '@/test/support/requests';
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
    await expect(mergeDuplicateSubmission(db, { requestId: randomUUID(), channel: 'web', ip: null })).resolves.toBe('gone');
  });
});
