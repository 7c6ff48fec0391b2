import { eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { POST } from '@/app/api/callbacks/[source]/route';
import { fulfilmentSourceResults } from '@/db/schema';
import { runSource } from '@/lib/fulfilment/run-source';
import type { FulfilmentRunKind } from '@/lib/fulfilment/start-fulfilment-run';
import { ZWebhookJob } from '@/lib/validation/webhook';
import { config as proxyConfig } from '@/proxy';
import { independentlySignedHeaders } from '@/test/support/independent-hmac';
import { listEvents } from '@/test/support/requests';
import { readStagedText, stagedKeys } from '@/test/support/storage';
import { closeSharedDatabase } from '@/test/support/shared-database';
import { useTestDatabase } from '@/test/support/test-database';
import { createVerifiedRequest } from '@/test/support/verified-request';
import { getRun, getSourceResult, useWebhookHarness } from '@/test/support/webhook-harness';
import type { Reply } from '@/test/support/webhook-receiver';
import { createSingleSourceRun, createWebhookSource } from '@/test/support/webhook-sources';

const db = useTestDatabase();
const harness = useWebhookHarness(db);
afterAll(() => closeSharedDatabase());

const accepted: Reply = { status: 202, body: { status: 'accepted' } };

/** A run whose webhook source (enabled: callbacks only reach enabled sources) answered 202. */
async function aJobAwaitingCallback(kind: FulfilmentRunKind = 'gather') {
  const verified = await createVerifiedRequest(db, { type: kind === 'gather' ? 'access' : 'deletion' });
  const { source, secret } = await createWebhookSource(db, { url: harness.receiver.url, isEnabled: true });
  harness.track(source);
  const { runId, resultId } = await createSingleSourceRun(db, { request: verified.request, source, kind });
  harness.receiver.replyWith(accepted);
  await runSource(db, { sourceResultId: resultId });
  const job = ZWebhookJob.parse(JSON.parse(harness.receiver.calls.at(-1)!.rawBody));
  return { ...verified, source, secret, runId, resultId, jobId: job.jobId };
}

/** POSTs to /api/callbacks/<slug> through the route handler, signed the way a receiving system would (WebCrypto, not our code). */
async function sendCallback(
  slug: string,
  body: unknown,
  { secret, now, headers }: { secret?: string; now?: Date; headers?: Record<string, string> } = {},
): Promise<Response> {
  const rawBody = typeof body === 'string' ? body : JSON.stringify(body);
  const signature = secret ? await independentlySignedHeaders(secret, rawBody, now) : {};
  const request = new Request(`http://localhost:3999/api/callbacks/${slug}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...signature, ...headers },
    body: rawBody,
  });
  return POST(request, { params: Promise.resolve({ source: slug }) });
}

async function sourceEvents(requestId: string) {
  return (await listEvents(db, { requestId })).filter((event) => event.action.startsWith('source_'));
}

describe('[webhook source] answers an accepted job by signed callback', () => {
  it('completes an access job: rows staged for the package, result succeeded, the package build queued', async () => {
    const job = await aJobAwaitingCallback('gather');
    const tables = {
      tickets: [
        { id: 1, subject: 'Refund' },
        { id: 2, subject: 'Login', status: 'closed' },
      ],
    };

    const response = await sendCallback(job.source.slug, { jobId: job.jobId, status: 'completed', tables }, { secret: job.secret });

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
    expect(await getSourceResult(db, { id: job.resultId })).toMatchObject({
      status: 'succeeded',
      rowCounts: { tickets: 2 },
      rowsDone: 2,
      error: null,
    });
    const folder = `staging/${job.runId}/${job.source.slug}/`;
    expect(JSON.parse(await readStagedText(`${folder}${job.source.slug}.json`))).toEqual({ source: job.source.name, tables });
    expect(await readStagedText(`${folder}tickets.csv`)).toBe('id,subject,status\n1,Refund,\n2,Login,closed\n');
    const [queued] = await db.execute<{ task_identifier: string }>(
      sql`select task_identifier from graphile_worker.jobs where key = ${`package:${job.runId}`}`,
    );
    expect(queued?.task_identifier).toBe('build-package');
  });

  it('completes a dry run job with its counts, and the run finishes', async () => {
    const job = await aJobAwaitingCallback('dry_run');

    const response = await sendCallback(
      job.source.slug,
      { jobId: job.jobId, status: 'completed', rowCounts: { contacts: 1, emails: 12 } },
      { secret: job.secret },
    );

    expect(response.status).toBe(200);
    expect(await getSourceResult(db, { id: job.resultId })).toMatchObject({ status: 'succeeded', rowCounts: { contacts: 1, emails: 12 } });
    expect((await getRun(db, { id: job.runId })).status).toBe('succeeded');
    expect((await listEvents(db, { requestId: job.request.id })).map((event) => event.action)).toContain('erasure_dry_run_finished');
  });

  it('records a failure the system reports, and the run fails', async () => {
    const job = await aJobAwaitingCallback('gather');

    const response = await sendCallback(
      job.source.slug,
      { jobId: job.jobId, status: 'failed', error: 'Archive offline' },
      { secret: job.secret },
    );

    expect(response.status).toBe(200);
    expect(await getSourceResult(db, { id: job.resultId })).toMatchObject({
      status: 'failed',
      error: 'Reported a failure: Archive offline',
    });
    expect((await getRun(db, { id: job.runId })).status).toBe('failed');
  });

  it('fails the job on a callback that breaks the contract, and says why with 400', async () => {
    const job = await aJobAwaitingCallback('gather');

    const response = await sendCallback(
      job.source.slug,
      { jobId: job.jobId, status: 'completed', tables: { tickets: 'none' } },
      { secret: job.secret },
    );

    expect(response.status).toBe(400);
    expect((await response.json()).detail).toMatch(/tables\.tickets/);
    expect(await getSourceResult(db, { id: job.resultId })).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/does not follow the contract/),
    });
  });

  it('applies a callback that arrives before its 202 does, and the late 202 changes nothing', async () => {
    const verified = await createVerifiedRequest(db, { type: 'deletion' });
    const { source, secret } = await createWebhookSource(db, { url: harness.receiver.url, isEnabled: true });
    harness.track(source);
    const { runId, resultId } = await createSingleSourceRun(db, { request: verified.request, source, kind: 'dry_run' });
    let callbackStatus = 0;
    harness.receiver.replyWith(async (call) => {
      // The system finishes at once and calls back before answering our POST.
      const { jobId } = ZWebhookJob.parse(JSON.parse(call.rawBody));
      callbackStatus = (await sendCallback(source.slug, { jobId, status: 'completed', rowCounts: { contacts: 1 } }, { secret })).status;
      return accepted;
    });

    expect(await runSource(db, { sourceResultId: resultId })).toBeNull();

    expect(callbackStatus).toBe(200);
    expect(await getSourceResult(db, { id: resultId })).toMatchObject({ status: 'succeeded', rowCounts: { contacts: 1 } });
    expect((await getRun(db, { id: runId })).status).toBe('succeeded');
  });
});

describe('[webhook source] callbacks that must change nothing', () => {
  it('refuses a replayed callback with 409: no second event, the result as the first one left it', async () => {
    const job = await aJobAwaitingCallback('dry_run');
    const body = { jobId: job.jobId, status: 'completed', rowCounts: { contacts: 1 } };
    expect((await sendCallback(job.source.slug, body, { secret: job.secret })).status).toBe(200);
    const afterFirst = await getSourceResult(db, { id: job.resultId });

    const replay = await sendCallback(job.source.slug, { ...body, rowCounts: { contacts: 99 } }, { secret: job.secret });

    expect(replay.status).toBe(409);
    expect(await replay.json()).toMatchObject({
      status: 409,
      code: 'CONFLICT',
      detail: 'This job is unknown or has already been answered.',
    });
    expect(await getSourceResult(db, { id: job.resultId })).toEqual(afterFirst);
    expect(await sourceEvents(job.request.id)).toHaveLength(1);
  });

  it('applies exactly one of two identical callbacks sent at the same moment', async () => {
    const job = await aJobAwaitingCallback('gather');
    const body = { jobId: job.jobId, status: 'completed', tables: { tickets: [{ id: 1 }] } };

    const responses = await Promise.all([
      sendCallback(job.source.slug, body, { secret: job.secret }),
      sendCallback(job.source.slug, body, { secret: job.secret }),
    ]);

    expect(responses.map((response) => response.status).sort()).toEqual([200, 409]);
    expect(await sourceEvents(job.request.id)).toHaveLength(1);
    expect(await getSourceResult(db, { id: job.resultId })).toMatchObject({ status: 'succeeded', rowCounts: { tickets: 1 } });
  });

  it.each<[string, (job: Awaited<ReturnType<typeof aJobAwaitingCallback>>) => Promise<Response>]>([
    [
      'a signature made with another secret',
      (job) => sendCallback(job.source.slug, { jobId: job.jobId, status: 'failed', error: 'x' }, { secret: 'not-the-secret-000000' }),
    ],
    ['no signature at all', (job) => sendCallback(job.source.slug, { jobId: job.jobId, status: 'failed', error: 'x' })],
    [
      'a correct signature on a timestamp 6 minutes old',
      (job) =>
        sendCallback(
          job.source.slug,
          { jobId: job.jobId, status: 'failed', error: 'x' },
          { secret: job.secret, now: new Date(Date.now() - 6 * 60_000) },
        ),
    ],
    [
      'a correct signature on a timestamp 6 minutes ahead',
      (job) =>
        sendCallback(
          job.source.slug,
          { jobId: job.jobId, status: 'failed', error: 'x' },
          { secret: job.secret, now: new Date(Date.now() + 6 * 60_000) },
        ),
    ],
    [
      'a signed body changed on the way',
      async (job) => {
        const signed = JSON.stringify({ jobId: job.jobId, status: 'failed', error: 'x' });
        const headers = await independentlySignedHeaders(job.secret, signed);
        return sendCallback(job.source.slug, signed.replace('"x"', '"y"'), { headers });
      },
    ],
  ])('refuses %s with 401', async (_description, send) => {
    const job = await aJobAwaitingCallback('gather');

    const response = await send(job);

    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    expect(await getSourceResult(db, { id: job.resultId })).toMatchObject({ status: 'awaiting_callback', finishedAt: null });
    expect(await sourceEvents(job.request.id)).toHaveLength(0);
  });

  it("refuses a callback for another source's job with 409, even signed with the other source's secret at its own URL", async () => {
    const job = await aJobAwaitingCallback('gather');
    const other = await aJobAwaitingCallback('gather');

    const response = await sendCallback(other.source.slug, { jobId: job.jobId, status: 'completed', tables: {} }, { secret: other.secret });
    const crossSigned = await sendCallback(
      job.source.slug,
      { jobId: job.jobId, status: 'completed', tables: {} },
      { secret: other.secret },
    );

    expect(response.status).toBe(409);
    expect(crossSigned.status).toBe(401);
    expect((await getSourceResult(db, { id: job.resultId })).status).toBe('awaiting_callback');
    expect((await getSourceResult(db, { id: other.resultId })).status).toBe('awaiting_callback');
  });

  it('refuses the callback of an earlier try once the source was run again (a new job id)', async () => {
    const job = await aJobAwaitingCallback('dry_run');
    await db.update(fulfilmentSourceResults).set({ status: 'pending' }).where(eq(fulfilmentSourceResults.id, job.resultId));
    await runSource(db, { sourceResultId: job.resultId });
    const retried = ZWebhookJob.parse(JSON.parse(harness.receiver.calls.at(-1)!.rawBody));

    const stale = await sendCallback(job.source.slug, { jobId: job.jobId, status: 'completed', rowCounts: {} }, { secret: job.secret });
    const current = await sendCallback(
      job.source.slug,
      { jobId: retried.jobId, status: 'completed', rowCounts: {} },
      { secret: job.secret },
    );

    expect([stale.status, current.status]).toEqual([409, 200]);
  });

  it('answers 404 without detail for an unknown, disabled or badly named source', async () => {
    const job = await aJobAwaitingCallback('gather');
    const disabled = await createWebhookSource(db, { url: harness.receiver.url, isEnabled: false });
    harness.track(disabled.source);

    for (const slug of ['no-such-source', disabled.source.slug, '..%2Fetc']) {
      const response = await sendCallback(slug, { jobId: job.jobId, status: 'completed', tables: {} }, { secret: disabled.secret });
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({
        type: '/api/v1/docs#problem-not-found',
        title: 'Not found',
        status: 404,
        detail: 'Not found.',
        code: 'NOT_FOUND',
      });
    }
  });

  it('refuses a body over the cap with 413, declared or streamed, before reading it all', async () => {
    const job = await aJobAwaitingCallback('gather');
    const declared = await sendCallback(job.source.slug, '{}', {
      secret: job.secret,
      headers: { 'Content-Length': String(60 * 1024 * 1024) },
    });
    let pulled = 0;
    const chunk = new TextEncoder().encode(' '.repeat(1024 * 1024));
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const streamed = await POST(
      new Request(`http://localhost:3999/api/callbacks/${job.source.slug}`, {
        method: 'POST',
        // Well-formed signature headers: without them the body would not be read at all.
        headers: { 'Content-Type': 'application/json', ...(await independentlySignedHeaders(job.secret, '{}')) },
        body: endless,
        duplex: 'half',
      } as RequestInit),
      { params: Promise.resolve({ source: job.source.slug }) },
    );

    expect([declared.status, streamed.status]).toEqual([413, 413]);
    expect(pulled).toBeLessThan(60 * 1024 * 1024);
    expect((await getSourceResult(db, { id: job.resultId })).status).toBe('awaiting_callback');
    expect(await stagedKeys(job.runId)).toEqual([]);
  });

  it('is not touched by the page proxy (no redirect, no session needed)', () => {
    const [matcher] = proxyConfig.matcher;
    expect(new RegExp(`^${matcher!.source}$`).test('/api/callbacks/crm')).toBe(false);
    expect(new RegExp(`^${matcher!.source}$`).test('/staff')).toBe(true);
  });
});
