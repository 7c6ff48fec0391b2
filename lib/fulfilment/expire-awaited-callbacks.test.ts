import { describe, expect, it } from 'vitest';
import { listEvents } from '@/test/support/requests';
import { useTestDatabase } from '@/test/support/test-database';
import { createVerifiedRequest } from '@/test/support/verified-request';
import { getRun, getSourceResult, useWebhookHarness } from '@/test/support/webhook-harness';
import { createSingleSourceRun, createWebhookSource } from '@/test/support/webhook-sources';
import { expireAwaitedCallbacks } from './expire-awaited-callbacks';
import { runSource } from './run-source';

const db = useTestDatabase();
const harness = useWebhookHarness(db);
const HOUR = 60 * 60 * 1000;

async function aJobAcceptedWithoutAnswer() {
  const verified = await createVerifiedRequest(db, { type: 'deletion' });
  const { source } = await createWebhookSource(db, { url: harness.receiver.url });
  harness.track(source);
  const { runId, resultId } = await createSingleSourceRun(db, { request: verified.request, source, kind: 'dry_run' });
  harness.receiver.replyWith({ status: 202, body: { status: 'accepted' } });
  await runSource(db, { sourceResultId: resultId });
  expect((await getSourceResult(db, { id: resultId })).status).toBe('awaiting_callback');
  return { ...verified, runId, resultId };
}

describe('[system] gives up on a webhook job that was accepted and never answered', () => {
  it("leaves the job waiting before its source's callback timeout (72 hours by default)", async () => {
    const job = await aJobAcceptedWithoutAnswer();
    await expireAwaitedCallbacks(db, { now: new Date(Date.now() + 71 * HOUR) });
    expect((await getSourceResult(db, { id: job.resultId })).status).toBe('awaiting_callback');
  });

  it('marks it failed after the timeout, fails the run so it can be retried, and records why', async () => {
    const job = await aJobAcceptedWithoutAnswer();
    const expired = await expireAwaitedCallbacks(db, { now: new Date(Date.now() + 73 * HOUR) });

    expect(expired).toBeGreaterThanOrEqual(1);
    const result = await getSourceResult(db, { id: job.resultId });
    expect(result.status).toBe('failed');
    expect(result.error).toBe('The system accepted the job but sent no answer within 72 hours.');
    expect((await getRun(db, { id: job.runId })).status).toBe('failed');
    expect((await listEvents(db, { requestId: job.request.id })).map((event) => event.action)).toContain('source_failed');

    // A second sweep finds nothing more to do for it.
    await expireAwaitedCallbacks(db, { now: new Date(Date.now() + 74 * HOUR) });
    const events = (await listEvents(db, { requestId: job.request.id })).filter((event) => event.action === 'source_failed');
    expect(events).toHaveLength(1);
  });
});
