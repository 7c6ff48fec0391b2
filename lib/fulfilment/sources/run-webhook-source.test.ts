import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { webhookDeliveryOptions } from '@/lib/data-sources/webhook/post-webhook-job';
import { ZWebhookJob } from '@/lib/validation/webhook';
import { freePort } from '@/test/support/free-port';
import { independentHmacHex } from '@/test/support/independent-hmac';
import { listEvents } from '@/test/support/requests';
import { useTestDatabase } from '@/test/support/test-database';
import { createVerifiedRequest } from '@/test/support/verified-request';
import { getRun, getSourceResult, useWebhookHarness } from '@/test/support/webhook-harness';
import type { Reply } from '@/test/support/webhook-receiver';
import { createSingleSourceRun, createWebhookSource } from '@/test/support/webhook-sources';
import { runSource } from '../run-source';
import type { FulfilmentRunKind } from '../start-fulfilment-run';
import { readStagedText, stagedKeys } from '@/test/support/storage';

const db = useTestDatabase();
const harness = useWebhookHarness(db);

async function aWebhookRun(kind: FulfilmentRunKind, options: { timeoutSeconds?: number; maxAttempts?: number; url?: string } = {}) {
  const verified = await createVerifiedRequest(db, { type: kind === 'gather' ? 'access' : 'deletion' });
  const { source, secret } = await createWebhookSource(db, { url: options.url ?? harness.receiver.url, ...options });
  harness.track(source);
  const { runId, resultId } = await createSingleSourceRun(db, { request: verified.request, source, kind });
  return { ...verified, source, secret, runId, resultId };
}

function jobsSent() {
  return harness.receiver.calls.map((call) => ZWebhookJob.parse(JSON.parse(call.rawBody)));
}

const completedEmpty: Reply = { status: 200, body: { status: 'completed', tables: {} } };

describe('[system] sends a webhook source its job', () => {
  it('POSTs the job as JSON, signed over "timestamp.body" so an independent HMAC with the secret matches', async () => {
    const run = await aWebhookRun('gather');
    harness.receiver.replyWith(completedEmpty);
    const before = Math.floor(Date.now() / 1000);

    await runSource(db, { sourceResultId: run.resultId });

    expect(harness.receiver.calls).toHaveLength(1);
    const [call] = harness.receiver.calls;
    expect(call!.method).toBe('POST');
    expect(call!.headers['content-type']).toBe('application/json');
    const timestamp = String(call!.headers['x-dsr-desk-timestamp']);
    expect(Number(timestamp)).toBeGreaterThanOrEqual(before);
    expect(Number(timestamp)).toBeLessThanOrEqual(Math.floor(Date.now() / 1000));
    expect(call!.headers['x-dsr-desk-signature']).toBe(`v1=${await independentHmacHex(run.secret, `${timestamp}.${call!.rawBody}`)}`);
    const [job] = jobsSent();
    expect(job).toEqual({
      jobId: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      type: 'access',
      dryRun: false,
      reference: run.reference,
      subject: { email: run.input.email, accountIdentifier: run.input.accountIdentifier },
      callbackUrl: `http://localhost:3999/api/callbacks/${run.source.slug}`,
    });
    expect((await getSourceResult(db, { id: run.resultId })).callbackJobId).toBe(job!.jobId);
  });

  it.each([
    ['dry_run', { type: 'erasure', dryRun: true }],
    ['erase', { type: 'erasure', dryRun: false }],
  ] as const)('describes a %s run as an erasure job', async (kind, expected) => {
    const run = await aWebhookRun(kind);
    harness.receiver.replyWith({ status: 202, body: { status: 'accepted' } });

    await runSource(db, { sourceResultId: run.resultId });

    expect(jobsSent()[0]).toMatchObject(expected);
  });
});

describe('[system] acts on a webhook source answer given at once', () => {
  it('stages an access answer for the package: one JSON file, one CSV per table with the union of row keys as columns', async () => {
    const run = await aWebhookRun('gather');
    const tables = {
      customers: [{ id: 7, email: 'someone@example.test', full_name: 'Ada Lovelace' }],
      orders: [
        { id: 10, total_pence: 500 },
        { id: 11, total_pence: 700, note: 'gift, wrapped', placed: { at: '2026-01-02' } },
      ],
    };
    harness.receiver.replyWith({ status: 200, body: { status: 'completed', tables } });

    await runSource(db, { sourceResultId: run.resultId });

    expect(await getSourceResult(db, { id: run.resultId })).toMatchObject({
      status: 'succeeded',
      rowCounts: { customers: 1, orders: 2 },
      rowsDone: 3,
      error: null,
    });
    const folder = `staging/${run.runId}/${run.source.slug}/`;
    expect(JSON.parse(await readStagedText(`${folder}${run.source.slug}.json`))).toEqual({ source: run.source.name, tables });
    expect(await readStagedText(`${folder}customers.csv`)).toBe('id,email,full_name\n7,someone@example.test,Ada Lovelace\n');
    expect(await readStagedText(`${folder}orders.csv`)).toBe(
      'id,total_pence,note,placed\n10,500,,\n11,700,"gift, wrapped","{""at"":""2026-01-02""}"\n',
    );
    const events = await listEvents(db, { requestId: run.request.id });
    expect(events.find((event) => event.action === 'source_succeeded')?.details).toEqual({
      runId: run.runId,
      kind: 'gather',
      source: run.source.name,
      rowCounts: { customers: 1, orders: 2 },
    });
    // Every source done: the run goes on to build its package.
    const [job] = await db.execute<{ task_identifier: string }>(
      sql`select task_identifier from graphile_worker.jobs where key = ${`package:${run.runId}`}`,
    );
    expect(job?.task_identifier).toBe('build-package');
  });

  it('keeps an integer too big for a JavaScript number (a 20-digit account number) exactly, as its digits', async () => {
    const run = await aWebhookRun('gather');
    harness.receiver.replyWith({
      status: 200,
      body: '{"status":"completed","tables":{"accounts":[{"id":12345678901234567891,"balance_pence":-98765432109876543210,"points":42,"ratio":0.5}]}}',
    });

    await runSource(db, { sourceResultId: run.resultId });

    const folder = `staging/${run.runId}/${run.source.slug}/`;
    const staged = await readStagedText(`${folder}${run.source.slug}.json`);
    expect(JSON.parse(staged).tables.accounts).toEqual([
      { id: '12345678901234567891', balance_pence: '-98765432109876543210', points: 42, ratio: 0.5 },
    ]);
    expect(await readStagedText(`${folder}accounts.csv`)).toBe(
      'id,balance_pence,points,ratio\n12345678901234567891,-98765432109876543210,42,0.5\n',
    );
  });

  it("records a dry run answer's counts and finishes the run", async () => {
    const run = await aWebhookRun('dry_run');
    harness.receiver.replyWith({ status: 200, body: { status: 'completed', rowCounts: { contacts: 2, notes: 5 } } });

    await runSource(db, { sourceResultId: run.resultId });

    expect(await getSourceResult(db, { id: run.resultId })).toMatchObject({
      status: 'succeeded',
      rowCounts: { contacts: 2, notes: 5 },
      rowsDone: 7,
    });
    expect((await getRun(db, { id: run.runId })).status).toBe('succeeded');
  });

  it('leaves a 202 waiting for the callback with the job id it sent, the run still running', async () => {
    const run = await aWebhookRun('gather');
    harness.receiver.replyWith({ status: 202, body: { status: 'accepted' } });

    await runSource(db, { sourceResultId: run.resultId });

    const result = await getSourceResult(db, { id: run.resultId });
    expect(result).toMatchObject({ status: 'awaiting_callback', callbackJobId: jobsSent()[0]!.jobId, finishedAt: null });
    expect((await getRun(db, { id: run.runId })).status).toBe('running');
    expect((await listEvents(db, { requestId: run.request.id })).map((event) => event.action)).not.toContain('source_succeeded');
  });

  it("records a failure the system reports, without the subject's email", async () => {
    const run = await aWebhookRun('gather');
    harness.receiver.replyWith((call) => {
      const job = ZWebhookJob.parse(JSON.parse(call.rawBody));
      return { status: 200, body: { status: 'failed', error: `CRM locked the account of ${job.subject.email.toUpperCase()}` } };
    });

    await runSource(db, { sourceResultId: run.resultId });

    const result = await getSourceResult(db, { id: run.resultId });
    expect(result).toMatchObject({ status: 'failed', error: 'Reported a failure: CRM locked the account of [redacted]' });
    expect((await getRun(db, { id: run.runId })).status).toBe('failed');
    expect(JSON.stringify((await listEvents(db, { requestId: run.request.id })).map((event) => event.details))).not.toContain(
      run.input.email,
    );
  });

  it('fails an access answer that says "completed" but sends no tables', async () => {
    const run = await aWebhookRun('gather');
    harness.receiver.replyWith({ status: 200, body: { status: 'completed', rowCounts: { orders: 3 } } });

    await runSource(db, { sourceResultId: run.resultId });

    expect((await getSourceResult(db, { id: run.resultId })).error).toMatch(/without "tables"/);
  });

  it.each<[string, Reply, RegExp]>([
    ['a body that is not JSON', { status: 200, body: '<html>Maintenance</html>' }, /not JSON: "<html>Maintenance<\/html>"/],
    [
      'rows that are not objects',
      { status: 200, body: { status: 'completed', tables: { orders: [1, 2] } } },
      /does not follow the contract[\s\S]*tables\.orders\[0\]/,
    ],
    [
      'a table name that is no file name',
      { status: 200, body: { status: 'completed', tables: { '../etc': [] } } },
      /Table names are 1 to 63 letters/,
    ],
    ['an unknown status', { status: 200, body: { status: 'done' } }, /status is "completed", "accepted" or "failed"/],
  ])('fails at once, without retrying, on %s', async (_description, reply, error) => {
    const run = await aWebhookRun('gather', { maxAttempts: 3 });
    harness.receiver.replyWith(reply);

    await runSource(db, { sourceResultId: run.resultId });

    expect(harness.receiver.calls).toHaveLength(1);
    expect(await getSourceResult(db, { id: run.resultId })).toMatchObject({ status: 'failed', error: expect.stringMatching(error) });
  });
});

describe('[system] retries a webhook source that is down or slow, and gives up in time', () => {
  it('tries again after a 500 and a 503 and succeeds on the third try, with the same job each time', async () => {
    const run = await aWebhookRun('gather', { maxAttempts: 3 });
    harness.receiver.replyWith({ status: 500, body: 'Internal error' }, { status: 503 }, completedEmpty);

    await runSource(db, { sourceResultId: run.resultId });

    expect(harness.receiver.calls).toHaveLength(3);
    expect(new Set(jobsSent().map((job) => job.jobId)).size).toBe(1);
    for (const call of harness.receiver.calls) {
      expect(call.headers['x-dsr-desk-signature']).toBe(
        `v1=${await independentHmacHex(run.secret, `${call.headers['x-dsr-desk-timestamp']}.${call.rawBody}`)}`,
      );
    }
    expect(await getSourceResult(db, { id: run.resultId })).toMatchObject({ status: 'succeeded', error: null });
  });

  it('fails after maxAttempts tries that each time out', async () => {
    const run = await aWebhookRun('gather', { timeoutSeconds: 1, maxAttempts: 2 });
    harness.receiver.replyWith({ status: 200, body: { status: 'completed', tables: {} }, delayMs: 1500 });

    await runSource(db, { sourceResultId: run.resultId });

    expect(harness.receiver.calls).toHaveLength(2);
    expect(await getSourceResult(db, { id: run.resultId })).toMatchObject({
      status: 'failed',
      error: 'No answer within 1 s. Gave up after 2 attempts.',
    });
    expect((await getRun(db, { id: run.runId })).status).toBe('failed');
  });

  it("does not retry a 4xx, and keeps the subject's email out of the error it shows", async () => {
    const run = await aWebhookRun('gather', { maxAttempts: 3 });
    harness.receiver.replyWith((call) => ({
      status: 404,
      body: { error: `no customer ${ZWebhookJob.parse(JSON.parse(call.rawBody)).subject.email}` },
    }));

    await runSource(db, { sourceResultId: run.resultId });

    expect(harness.receiver.calls).toHaveLength(1);
    expect((await getSourceResult(db, { id: run.resultId })).error).toBe('Answered HTTP 404: "{"error":"no customer [redacted]"}".');
  });

  it('does not follow a redirect', async () => {
    const run = await aWebhookRun('gather', { maxAttempts: 3 });
    harness.receiver.replyWith({ status: 307, headers: { Location: 'http://127.0.0.1:9/elsewhere' } });

    await runSource(db, { sourceResultId: run.resultId });

    expect(harness.receiver.calls).toHaveLength(1);
    expect((await getSourceResult(db, { id: run.resultId })).error).toMatch(/HTTP 307 \(a redirect\)/);
  });

  it("waits as long as a 429's Retry-After asks before trying again", async () => {
    const run = await aWebhookRun('gather', { maxAttempts: 2 });
    harness.receiver.replyWith({ status: 429, headers: { 'Retry-After': '1' } }, completedEmpty);
    const startedAt = Date.now();

    await runSource(db, { sourceResultId: run.resultId });

    expect(harness.receiver.calls).toHaveLength(2);
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(950);
    expect((await getSourceResult(db, { id: run.resultId })).status).toBe('succeeded');
  });

  it('cuts a long Retry-After to the cap', async () => {
    Object.assign(webhookDeliveryOptions, { maxRetryAfterMs: 50 });
    const run = await aWebhookRun('gather', { maxAttempts: 2 });
    harness.receiver.replyWith({ status: 503, headers: { 'Retry-After': '3600' } }, completedEmpty);
    const startedAt = Date.now();

    await runSource(db, { sourceResultId: run.resultId });

    expect(Date.now() - startedAt).toBeLessThan(2000);
    expect((await getSourceResult(db, { id: run.resultId })).status).toBe('succeeded');
  });

  it('retries a connection the system drops, and reports one it refuses', async () => {
    const dropped = await aWebhookRun('gather', { maxAttempts: 2 });
    harness.receiver.replyWith({ hangUp: true }, completedEmpty);
    await runSource(db, { sourceResultId: dropped.resultId });
    expect(harness.receiver.calls).toHaveLength(2);
    expect((await getSourceResult(db, { id: dropped.resultId })).status).toBe('succeeded');

    const refused = await aWebhookRun('gather', { maxAttempts: 2, url: `http://127.0.0.1:${await freePort()}/jobs` });
    await runSource(db, { sourceResultId: refused.resultId });
    expect((await getSourceResult(db, { id: refused.resultId })).error).toBe(
      'Could not be reached (ECONNREFUSED). Gave up after 2 attempts.',
    );
  });
});

describe('[system] refuses a webhook answer over the size cap', () => {
  it.each([
    ['with a Content-Length', {}],
    ['streamed without one', { 'Transfer-Encoding': 'chunked' }],
  ])('answered %s, without retrying and without staging anything', async (_description, headers) => {
    Object.assign(webhookDeliveryOptions, { maxBodyBytes: 4096 });
    const run = await aWebhookRun('gather', { maxAttempts: 3 });
    const rows = Array.from({ length: 200 }, (_, index) => ({ id: index, text: 'x'.repeat(40) }));
    harness.receiver.replyWith({ status: 200, body: { status: 'completed', tables: { notes: rows } }, headers });

    await runSource(db, { sourceResultId: run.resultId });

    expect(harness.receiver.calls).toHaveLength(1);
    expect((await getSourceResult(db, { id: run.resultId })).error).toBe('Answered with more than 4 kB, the most a source may send.');
    expect(await stagedKeys(run.runId)).toEqual([]);
  });
});
