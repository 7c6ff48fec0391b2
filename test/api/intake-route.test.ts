import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { POST } from '@/app/api/requests/route';
import { DETAILS_MAX_LENGTH } from '@/lib/validation/submit-request';
import { useEnvOverrides } from '@/test/support/env-overrides';
import { uniqueEmail, uniqueIp } from '@/test/support/fixtures';
import { listEvents, listRequestsForEmail } from '@/test/support/requests';
import { closeSharedDatabase } from '@/test/support/shared-database';
import { useTestDatabase } from '@/test/support/test-database';

const db = useTestDatabase();
const setEnv = useEnvOverrides();
afterAll(() => closeSharedDatabase());

/** What an API client sends: the JSON field names of ZSubmitRequest. */
function aBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'access',
    email: uniqueEmail('api'),
    fullName: 'Grace Hopper',
    jurisdiction: 'us_ca_ccpa',
    isAuthorised: true,
    ...overrides,
  };
}

function postRequest(
  body: unknown,
  { ip = uniqueIp(), headers = {} }: { ip?: string | null; headers?: Record<string, string> } = {},
): Promise<Response> {
  return POST(
    new Request('http://localhost:3999/api/requests', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(ip ? { 'x-forwarded-for': ip } : {}), ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
  );
}

async function countRequests(): Promise<number> {
  const [row] = await db.execute<{ total: number }>(sql`select count(*)::int as total from requests`);
  return row!.total;
}

describe('POST /api/requests with a valid body', () => {
  it('[API client] is answered 202 and the request is filed through the api channel', async () => {
    const body = aBody({ details: 'Account created in 2019.' });
    const ip = uniqueIp();

    const response = await postRequest(body, { ip });

    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({
      status: 'accepted',
      message: 'If the address is valid, we have emailed it a link to confirm the request.',
    });
    const [request, ...others] = await listRequestsForEmail(db, { email: String(body.email) });
    expect(others).toHaveLength(0);
    expect(request).toMatchObject({
      status: 'unverified',
      channel: 'api',
      jurisdiction: 'us_ca_ccpa',
      fullName: 'Grace Hopper',
      details: 'Account created in 2019.',
    });
    expect((await listEvents(db, { requestId: request!.id }))[0]).toMatchObject({ action: 'submitted', ip });
  });

  it('answers a repeat of the same address exactly like a new one (no enumeration)', async () => {
    const body = aBody();
    const first = await postRequest(body);
    const repeat = await postRequest(body);
    const fresh = await postRequest(aBody());

    const answers = await Promise.all(
      [first, repeat, fresh].map(async (response) => ({ status: response.status, body: await response.text() })),
    );
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    expect(await listRequestsForEmail(db, { email: String(body.email) })).toHaveLength(1);
  });

  it('answers a bot that filled the honeypot with the same 202 and files nothing', async () => {
    const body = aBody({ website: 'https://spam.example' });
    const before = await countRequests();

    const response = await postRequest(body);

    expect(response.status).toBe(202);
    expect(await countRequests()).toBe(before);
  });
});

/** The problem details (RFC 9457) a refusal carries. */
type ProblemBody = {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  fieldErrors: Record<string, string[]>;
  formErrors: string[];
};

describe('POST /api/requests with bad input is refused and files nothing', () => {
  it.each<{ name: string; send: () => Promise<Response>; status: number; check: (json: ProblemBody) => void }>([
    {
      name: 'an unknown field',
      send: () => postRequest(aBody({ nickname: 'Amazing Grace' })),
      status: 400,
      check: (json) => {
        expect(json).toMatchObject({
          type: '/api/v1/docs#problem-validation',
          title: 'The request is not valid',
          status: 400,
          code: 'VALIDATION',
          detail: 'Some fields are missing or invalid.',
        });
        expect(json.formErrors.join(' ')).toContain('nickname');
      },
    },
    {
      name: 'an empty object',
      send: () => postRequest({}),
      status: 400,
      check: (json) =>
        expect(json.fieldErrors).toEqual({
          type: ['Choose what you would like us to do'],
          email: ['Enter your email address'],
          fullName: ['Enter your full name'],
          jurisdiction: ['Choose a region'],
          isAuthorised: ['Confirm that you are the person named, or authorised to act for them'],
        }),
    },
    {
      name: 'a number for the email and a string for isAuthorised',
      send: () => postRequest(aBody({ email: 12345, isAuthorised: 'yes' })),
      status: 400,
      check: (json) => {
        expect(Object.keys(json.fieldErrors).sort()).toEqual(['email', 'isAuthorised']);
        expect(json.fieldErrors.email).toEqual(['Enter your email address']);
      },
    },
    {
      name: 'an invalid email address and an unknown region',
      send: () => postRequest(aBody({ email: 'not-an-address', jurisdiction: 'atlantis' })),
      status: 400,
      check: (json) =>
        expect(json.fieldErrors).toEqual({
          email: ['Enter a valid email address, like name@example.com'],
          jurisdiction: ['Choose a region'],
        }),
    },
    {
      name: `details longer than ${DETAILS_MAX_LENGTH} characters`,
      send: () => postRequest(aBody({ details: 'x'.repeat(DETAILS_MAX_LENGTH + 1) })),
      status: 400,
      check: (json) => expect(json.fieldErrors).toEqual({ details: ['Keep the details under 2,000 characters'] }),
    },
    {
      name: 'a JSON array instead of an object',
      send: () => postRequest([aBody()]),
      status: 400,
      check: (json) => expect(json.code).toBe('VALIDATION'),
    },
    {
      name: 'malformed JSON',
      send: () => postRequest('{"type": "access", '),
      status: 400,
      check: (json) =>
        expect(json).toEqual({
          type: '/api/v1/docs#problem-validation',
          title: 'The request is not valid',
          status: 400,
          code: 'VALIDATION',
          detail: 'The body is not valid JSON.',
        }),
    },
    {
      name: 'a body over 16 KiB',
      send: () => postRequest(JSON.stringify(aBody({ details: 'x'.repeat(17 * 1024) }))),
      status: 413,
      check: (json) => expect(json).toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE' }),
    },
    {
      name: 'a form-encoded body',
      send: () => postRequest('type=access', { headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
      status: 415,
      check: (json) => expect(json).toMatchObject({ status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' }),
    },
  ])('$name → $status', async ({ send, status, check }) => {
    const before = await countRequests();

    const response = await send();

    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    check(await response.json());
    expect(await countRequests()).toBe(before);
  });

  it('details of exactly the maximum length are accepted', async () => {
    const response = await postRequest(aBody({ details: 'x'.repeat(DETAILS_MAX_LENGTH) }));

    expect(response.status).toBe(202);
  });
});

describe('POST /api/requests over the rate limit', () => {
  it('is answered 429 with Retry-After and files nothing', async () => {
    setEnv({ RATE_LIMIT_PER_IP_PER_HOUR: '1' });
    const ip = uniqueIp();
    expect((await postRequest(aBody(), { ip })).status).toBe(202);
    const refused = aBody();
    const before = await countRequests();

    const response = await postRequest(refused, { ip });

    expect(response.status).toBe(429);
    // Seconds until the hour's window ends.
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(response.headers.get('retry-after'))).toBeLessThanOrEqual(3600);
    expect(await response.json()).toMatchObject({
      status: 429,
      code: 'RATE_LIMITED',
      title: 'Too many requests',
      type: '/api/v1/docs#problem-rate-limited',
    });
    expect(await countRequests()).toBe(before);
    expect(await listRequestsForEmail(db, { email: String(refused.email) })).toHaveLength(0);
  });

  it('per address says to retry when the day’s window ends', async () => {
    setEnv({ RATE_LIMIT_PER_EMAIL_PER_DAY: '1' });
    const email = uniqueEmail('api');
    expect((await postRequest(aBody({ email }))).status).toBe(202);

    const response = await postRequest(aBody({ email, type: 'deletion' }));

    expect(response.status).toBe(429);
    const secondsToMidnightUtc = Math.ceil((Math.ceil(Date.now() / 86_400_000) * 86_400_000 - Date.now()) / 1000);
    expect(Math.abs(Number(response.headers.get('retry-after')) - secondsToMidnightUtc)).toBeLessThanOrEqual(5);
  });
});
