import { describe, expect, it } from 'vitest';
import { isAppError } from '@/lib/errors/app-error';
import { readJsonBody } from './read-json-body';

const MAX_BYTES = 1024;
const URL_OF_ENDPOINT = 'http://localhost:3999/api/requests';

function jsonRequest(body: BodyInit | null, headers: Record<string, string> = { 'content-type': 'application/json' }): Request {
  return new Request(URL_OF_ENDPOINT, { method: 'POST', headers, body, duplex: 'half' } as RequestInit);
}

/** The HTTP status readJsonBody's AppError maps to (its code's status). */
async function refusalStatus(attempt: Promise<unknown>): Promise<unknown> {
  const error = await attempt.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!isAppError(error)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error.httpStatus;
}

/** A body that never ends, counting how much of it was read. */
function endlessBody(): { stream: ReadableStream<Uint8Array>; bytesPulled: () => number } {
  let pulled = 0;
  const chunk = new TextEncoder().encode(`"${'x'.repeat(254)}"`);
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { stream, bytesPulled: () => pulled };
}

describe('readJsonBody', () => {
  it('returns the parsed JSON', async () => {
    const body = { type: 'access', nested: { list: [1, 2] }, text: 'Grüße' };

    expect(await readJsonBody(jsonRequest(JSON.stringify(body)), MAX_BYTES)).toEqual(body);
  });

  it('accepts a JSON content type with parameters, in any case', async () => {
    expect(await readJsonBody(jsonRequest('{"a":1}', { 'content-type': 'Application/JSON; charset=utf-8' }), MAX_BYTES)).toEqual({ a: 1 });
  });

  it('accepts a body of exactly the maximum size', async () => {
    const body = JSON.stringify('x'.repeat(MAX_BYTES - 2));

    expect(await readJsonBody(jsonRequest(body), MAX_BYTES)).toHaveLength(MAX_BYTES - 2);
  });

  it.each([
    ['text/plain', { 'content-type': 'text/plain' }],
    ['form data', { 'content-type': 'application/x-www-form-urlencoded' }],
    ['a look-alike type', { 'content-type': 'application/jsonp' }],
    ['no content type', {}],
  ])('refuses %s with 415', async (_description, headers) => {
    const request = new Request(URL_OF_ENDPOINT, { method: 'POST', headers, body: new Blob(['{"a":1}']) });

    expect(await refusalStatus(readJsonBody(request, MAX_BYTES))).toBe(415);
  });

  it('refuses a declared Content-Length over the maximum with 413', async () => {
    expect(
      await refusalStatus(
        readJsonBody(jsonRequest('{}', { 'content-type': 'application/json', 'content-length': String(MAX_BYTES + 1) }), MAX_BYTES),
      ),
    ).toBe(413);
  });

  it('refuses a body one byte over the maximum with 413', async () => {
    expect(await refusalStatus(readJsonBody(jsonRequest(JSON.stringify('x'.repeat(MAX_BYTES - 1))), MAX_BYTES))).toBe(413);
  });

  it('counts bytes, not characters', async () => {
    const body = JSON.stringify('é'.repeat(600)); // 602 characters, 1202 bytes

    expect(body.length).toBeLessThan(MAX_BYTES);
    expect(await refusalStatus(readJsonBody(jsonRequest(body), MAX_BYTES))).toBe(413);
  });

  it('refuses a streamed body with no Content-Length at the cap, without reading it all', async () => {
    const { stream, bytesPulled } = endlessBody();

    expect(await refusalStatus(readJsonBody(jsonRequest(stream), MAX_BYTES))).toBe(413);
    expect(bytesPulled()).toBeLessThan(4 * MAX_BYTES);
  });

  it('refuses a body larger than its Content-Length claims, by what actually arrives', async () => {
    const { stream } = endlessBody();

    expect(
      await refusalStatus(readJsonBody(jsonRequest(stream, { 'content-type': 'application/json', 'content-length': '10' }), MAX_BYTES)),
    ).toBe(413);
  });

  it.each([
    ['malformed JSON', '{"type": "access",'],
    ['an empty body', ''],
    ['text that is not JSON', 'type=access'],
  ])('refuses %s with 400', async (_description, body) => {
    expect(await refusalStatus(readJsonBody(jsonRequest(body), MAX_BYTES))).toBe(400);
  });
});
