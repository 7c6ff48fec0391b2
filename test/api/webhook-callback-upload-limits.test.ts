import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { POST } from '@/app/api/callbacks/[source]/route';
import { runSource } from '@/lib/fulfilment/run-source';
import { ZWebhookJob } from '@/lib/validation/webhook';
import { MAX_UNVERIFIED_IN_MEMORY_BYTES } from '@/lib/data-sources/webhook/webhook-limits';
import { independentlySignedHeaders } from '@/test/support/independent-hmac';
import { closeSharedDatabase } from '@/test/support/shared-database';
import { useTestDatabase } from '@/test/support/test-database';
import { createVerifiedRequest } from '@/test/support/verified-request';
import { getSourceResult, useWebhookHarness } from '@/test/support/webhook-harness';
import { createSingleSourceRun, createWebhookSource } from '@/test/support/webhook-sources';

const db = useTestDatabase();
const harness = useWebhookHarness(db);
afterAll(() => closeSharedDatabase());

const MB = 1024 * 1024;

async function aJobAwaitingCallback() {
  const verified = await createVerifiedRequest(db, { type: 'access' });
  const { source, secret } = await createWebhookSource(db, { url: harness.receiver.url, isEnabled: true });
  harness.track(source);
  const { resultId } = await createSingleSourceRun(db, { request: verified.request, source, kind: 'gather' });
  harness.receiver.replyWith({ status: 202, body: { status: 'accepted' } });
  await runSource(db, { sourceResultId: resultId });
  const job = ZWebhookJob.parse(JSON.parse(harness.receiver.calls.at(-1)!.rawBody));
  return { source, secret, resultId, jobId: job.jobId };
}

/**
 * A body of `totalBytes` made on demand, a fresh buffer per 1 MB chunk (as bytes
 * off a socket are), counting what the route pulled; `onPull` sees each pull.
 */
function meteredBody(totalBytes: number, onPull: (pulledBytes: number) => void = () => {}) {
  const meter = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      onPull(meter.pulled);
      if (meter.pulled >= totalBytes) return controller.close();
      const chunk = new Uint8Array(Math.min(MB, totalBytes - meter.pulled)).fill(0x20);
      meter.pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { stream, meter };
}

async function post(slug: string, body: BodyInit | ReadableStream<Uint8Array>, headers: Record<string, string>): Promise<Response> {
  const request = new Request(`http://localhost:3999/api/callbacks/${slug}`, {
    method: 'POST',
    headers,
    body,
    duplex: 'half',
  } as RequestInit);
  return POST(request, { params: Promise.resolve({ source: slug }) });
}

const forgedSignature = () => ({
  'X-DSR-Desk-Timestamp': String(Math.floor(Date.now() / 1000)),
  'X-DSR-Desk-Signature': `v1=${'0'.repeat(64)}`,
});

describe('[webhook source] a callback is refused as cheaply as possible', () => {
  it('refuses a Content-Type other than JSON with 415, before reading the body', async () => {
    const job = await aJobAwaitingCallback();
    const { stream, meter } = meteredBody(20 * MB);

    const response = await post(job.source.slug, stream, { 'Content-Type': 'text/plain', ...forgedSignature() });

    expect(response.status).toBe(415);
    expect(await response.json()).toMatchObject({ status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
    expect(meter.pulled).toBeLessThanOrEqual(MB);
  });

  it.each([
    ['no signature headers', {}],
    ['a malformed signature', { 'X-DSR-Desk-Timestamp': String(Math.floor(Date.now() / 1000)), 'X-DSR-Desk-Signature': 'sha1=abc' }],
    [
      'a timestamp an hour old',
      { 'X-DSR-Desk-Timestamp': String(Math.floor(Date.now() / 1000) - 3600), 'X-DSR-Desk-Signature': `v1=${'0'.repeat(64)}` },
    ],
  ])('refuses %s with 401, before reading the body', async (_description, signature) => {
    const job = await aJobAwaitingCallback();
    const { stream, meter } = meteredBody(20 * MB);

    const response = await post(job.source.slug, stream, { 'Content-Type': 'application/json', ...signature });

    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    expect(meter.pulled).toBeLessThanOrEqual(MB);
    expect((await getSourceResult(db, { id: job.resultId })).status).toBe('awaiting_callback');
  });

  it('refuses a declared Content-Length over the cap with 413, before reading the body', async () => {
    const job = await aJobAwaitingCallback();
    const { stream, meter } = meteredBody(20 * MB);

    const response = await post(job.source.slug, stream, {
      'Content-Type': 'application/json',
      'Content-Length': String(60 * MB),
      ...forgedSignature(),
    });

    expect(response.status).toBe(413);
    expect(meter.pulled).toBeLessThanOrEqual(MB);
  });

  it(`holds at most ${MAX_UNVERIFIED_IN_MEMORY_BYTES / MB} MB of a large unverified body in memory: the rest waits on disk and is removed when the signature fails`, async () => {
    const job = await aJobAwaitingCallback();
    const incoming = () => path.join(harness.storageDir, 'incoming');
    const spilledWhileReading: number[] = [];
    const { stream, meter } = meteredBody(12 * MB, (pulled) => {
      if (pulled === 6 * MB) spilledWhileReading.push(existsSync(incoming()) ? readdirSync(incoming()).length : 0);
    });

    const response = await post(job.source.slug, stream, { 'Content-Type': 'application/json', ...forgedSignature() });

    expect(response.status).toBe(401);
    expect(meter.pulled).toBe(12 * MB);
    // Half way through, the body beyond the in-memory cap was going to a file, not to memory.
    expect(spilledWhileReading).toEqual([1]);
    expect(readdirSync(incoming())).toEqual([]);
    expect((await getSourceResult(db, { id: job.resultId })).status).toBe('awaiting_callback');
  });

  it('applies a correctly signed callback larger than the in-memory cap, read back from disk', async () => {
    const job = await aJobAwaitingCallback();
    const tickets = Array.from({ length: 3000 }, (_, index) => ({ id: index + 1, subject: `Ticket ${index + 1} ${'x'.repeat(1000)}` }));
    const rawBody = JSON.stringify({ jobId: job.jobId, status: 'completed', tables: { tickets } });
    expect(Buffer.byteLength(rawBody)).toBeGreaterThan(2 * MAX_UNVERIFIED_IN_MEMORY_BYTES);

    const response = await post(job.source.slug, rawBody, {
      'Content-Type': 'application/json; charset=utf-8',
      ...(await independentlySignedHeaders(job.secret, rawBody)),
    });

    expect(response.status).toBe(200);
    expect(await getSourceResult(db, { id: job.resultId })).toMatchObject({ status: 'succeeded', rowCounts: { tickets: 3000 } });
    expect(readdirSync(path.join(harness.storageDir, 'incoming'))).toEqual([]);
  });
});
