import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { POST as postCallback } from '@/app/api/callbacks/[source]/route';
import { POST as postRequest } from '@/app/api/requests/route';
import { uniqueEmail, uniqueIp } from '@/test/support/fixtures';
import { closeSharedDatabase } from '@/test/support/shared-database';
import { useTestDatabase } from '@/test/support/test-database';

/**
 * A corpus of hostile values sent to the API routes in this process (the e2e spec
 * e2e/requester/hostile-input.spec.ts sends it to the running server, pages and server
 * actions included): each is refused with a 4xx and a message, nothing is stored, and
 * nothing of it is printed.
 */
const db = useTestDatabase();
afterAll(() => closeSharedDatabase());

/** Recognisable in any log line, so the test can say the input never reached one. */
const MARKER = 'hostile-marker-7f3c';

let printed: string[] = [];
beforeEach(() => {
  printed = [];
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      printed.push(
        args
          .map((arg) => (arg instanceof Error ? `${arg.stack} ${String(arg.cause)}` : typeof arg === 'string' ? arg : JSON.stringify(arg)))
          .join(' '),
      );
    });
  }
});
afterEach(() => {
  vi.restoreAllMocks();
  expect(printed.join('\n')).not.toContain(MARKER);
});

async function countRequests(): Promise<number> {
  const [row] = await db.execute<{ total: number }>(sql`select count(*)::int as total from requests`);
  return row!.total;
}

const validBody = () => ({
  type: 'access',
  email: uniqueEmail('hostile'),
  fullName: `Ada ${MARKER}`,
  jurisdiction: 'eu_gdpr',
  isAuthorised: true,
});

/** Control characters, in every text field of the intake. */
const controlCharacters = ['\u0000', '\u0001', '\b', '\u000b', '\u001b[2J', '\u007f', '\u0085', '\r'];
const textFields = ['fullName', 'details', 'accountIdentifier', 'email'] as const;

type Case = { name: string; body: BodyInit; contentType?: string; status: number };

const cases: Case[] = [
  ...textFields.flatMap((field) =>
    controlCharacters.map((character) => ({
      name: `${JSON.stringify(character)} in ${field}`,
      body: JSON.stringify({
        ...validBody(),
        [field]: field === 'email' ? `ada${character}${MARKER}@example.com` : `${MARKER}${character}x`,
      }),
      status: 400,
    })),
  ),
  // Bytes that are not UTF-8: the decoder replaces them, the schema still decides.
  {
    name: 'invalid UTF-8 bytes in a string',
    body: new Uint8Array([...Buffer.from(`{"fullName":"${MARKER}`), 0xff, 0xfe, ...Buffer.from('"}')]),
    status: 400,
  },
  {
    name: 'a lone surrogate escape',
    body: `{"type":"access","email":"a@example.com","fullName":"${MARKER}\\ud800","jurisdiction":"eu_gdpr","isAuthorised":true,"details":"\\u0000"}`,
    status: 400,
  },
  { name: 'a huge body', body: JSON.stringify({ ...validBody(), details: `${MARKER}${'x'.repeat(200_000)}` }), status: 413 },
  { name: 'deep nesting', body: `${'['.repeat(100_000)}"${MARKER}"${']'.repeat(100_000)}`.slice(0, 15_000), status: 400 },
  {
    name: 'deep nesting that parses',
    body: JSON.stringify({ ...validBody(), details: JSON.parse(`${'['.repeat(2_000)}"${MARKER}"${']'.repeat(2_000)}`) }),
    status: 400,
  },
  {
    name: 'a __proto__ key',
    body: `{"__proto__":{"isAdmin":true,"x":"${MARKER}"},"type":"access","email":"a@example.com","fullName":"A","jurisdiction":"eu_gdpr","isAuthorised":true}`,
    status: 400,
  },
  { name: 'a constructor key', body: JSON.stringify({ ...validBody(), constructor: { prototype: { polluted: MARKER } } }), status: 400 },
  { name: 'a prototype key', body: JSON.stringify({ ...validBody(), prototype: MARKER }), status: 400 },
  { name: 'form encoding', body: `fullName=${MARKER}`, contentType: 'application/x-www-form-urlencoded', status: 415 },
  { name: 'XML', body: `<request>${MARKER}</request>`, contentType: 'application/xml', status: 415 },
  { name: 'no content type', body: JSON.stringify(validBody()), contentType: '', status: 415 },
  { name: 'JSON that is a string', body: JSON.stringify(MARKER), status: 400 },
  { name: 'JSON that is null', body: 'null', status: 400 },
  {
    name: 'a number too large for its type in a text field',
    // biome-ignore lint/correctness/noPrecisionLoss: the point is a number no double can hold (it serialises as null, replaced by the literal)
    body: JSON.stringify({ ...validBody(), fullName: 1e400 }).replace('null', '1e400'),
    status: 400,
  },
];

describe('POST /api/requests with hostile input', () => {
  it.each(cases)(
    'refuses $name with $status and a message, storing nothing',
    async ({ body, contentType = 'application/json', status }) => {
      const before = await countRequests();
      const response = await postRequest(
        new Request('http://localhost:3999/api/requests', {
          method: 'POST',
          headers: { ...(contentType ? { 'content-type': contentType } : {}), 'x-forwarded-for': uniqueIp() },
          body,
        }),
      );

      expect(response.status).toBe(status);
      const json = (await response.json()) as { detail?: string };
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(json.detail).toMatch(/\w{3,}/);
      expect(JSON.stringify(json)).not.toContain(MARKER);
      expect(await countRequests()).toBe(before);
      expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    },
  );

  it('names the field that holds a control character, with a message that says what to do', async () => {
    const response = await postRequest(
      new Request('http://localhost:3999/api/requests', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': uniqueIp() },
        body: JSON.stringify({ ...validBody(), details: `${MARKER}\u0000` }),
      }),
    );
    expect(await response.json()).toMatchObject({
      status: 400,
      code: 'VALIDATION',
      fieldErrors: { details: ['Remove the invisible control characters (such as U+0000) from this field'] },
    });
  });
});

describe('POST /api/callbacks/<source> with a hostile source name', () => {
  it.each(['\u0000', `${MARKER}\u0000`, '%ff', '../../etc/passwd', 'x'.repeat(10_000), '__proto__', 'constructor'])(
    'answers %j with 404 and says nothing more',
    async (source) => {
      // Well-formed signature headers: without them the callback is refused (401) before the source is looked up.
      const signature = { 'X-DSR-Desk-Timestamp': String(Math.floor(Date.now() / 1000)), 'X-DSR-Desk-Signature': `v1=${'0'.repeat(64)}` };
      const response = await postCallback(
        new Request('http://localhost:3999/api/callbacks/x', {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...signature },
          body: `{"jobId":"${MARKER}"}`,
        }),
        {
          params: Promise.resolve({ source }),
        },
      );
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({
        type: '/api/v1/docs#problem-not-found',
        title: 'Not found',
        status: 404,
        detail: 'Not found.',
        code: 'NOT_FOUND',
      });
    },
  );
});
