import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLIC_BODY_LIMIT_BYTES } from './check-incoming-request';
import { isPublicMultipartPost, readPublicFormBody } from './read-public-form-body';

/** A real HTTP server that checks the body as the web server does, then reads the replayed request as Next would (its own data events). */
let server: Server;
let baseUrl: string;

async function readAll(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  await new Promise<void>((resolve, reject) => {
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', resolve);
    request.on('error', reject);
  });
  return Buffer.concat(chunks).toString('utf8');
}

beforeAll(async () => {
  server = createServer((request, response) => {
    void readPublicFormBody(request).then(async (result) => {
      if (result.kind !== 'ok') return response.writeHead(400).end(result.kind);
      const replayed = result.request;
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ method: replayed.method, url: replayed.url, body: await readAll(replayed) }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('[web server] a public form post with a multipart body is read and checked before Next sees it', () => {
  it('a well-formed body is replayed unchanged, byte for byte, to whoever reads the request next', async () => {
    const form = new FormData();
    form.set('fullName', 'Zoë Ünïcode');
    form.set('details', 'x'.repeat(5_000));
    const sent = new Request(`${baseUrl}/request?x=1`, { method: 'POST', body: form });
    const expectedBody = await sent.clone().text();
    const answer = await (await fetch(sent)).json();
    expect(answer).toEqual({ method: 'POST', url: '/request?x=1', body: expectedBody });
  });

  it('a body that is not valid multipart (unterminated part, wrong boundary) is "malformed"', async () => {
    for (const body of ['------b\r\nContent-Disposition: form-data; name="a"\r\n\r\nvalue', 'no boundary at all']) {
      const response = await fetch(`${baseUrl}/request`, {
        method: 'POST',
        headers: { 'content-type': 'multipart/form-data; boundary=----b' },
        body,
      });
      expect(response.status).toBe(400);
      expect(await response.text()).toBe('malformed');
    }
  });

  it('a body over the public limit is refused while it is read, even without a Content-Length', async () => {
    const big = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('x'.repeat(PUBLIC_BODY_LIMIT_BYTES + 1)));
        controller.close();
      },
    });
    const response = await fetch(`${baseUrl}/find-request`, {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=----b' },
      body: big,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(400);
    expect(await response.text()).toBe('too-large');
  });

  it('only public page posts with a multipart body are meant: not the API, not a signed-in staff upload, not urlencoded', () => {
    const post = (url: string, headers: Record<string, string>) => ({ method: 'POST', url, headers }) as unknown as IncomingMessage;
    const multipart = { 'content-type': 'multipart/form-data; boundary=x' };
    expect(isPublicMultipartPost(post('/request', multipart))).toBe(true);
    expect(isPublicMultipartPost(post('/staff/requests/DSR-1', multipart))).toBe(true);
    expect(isPublicMultipartPost(post('/staff/requests/DSR-1', { ...multipart, cookie: 'next-auth.session-token=abc' }))).toBe(false);
    expect(isPublicMultipartPost(post('/api/requests', multipart))).toBe(false);
    expect(isPublicMultipartPost(post('/request', { 'content-type': 'application/x-www-form-urlencoded' }))).toBe(false);
  });
});
