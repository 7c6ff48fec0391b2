import { and, eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { apiIdempotencyKeys } from '@/db/schema';
import { pruneIdempotencyKeys } from '@/lib/api/prune-idempotency-keys';
import { getRequestDetail } from '@/lib/requests/get-request-detail';
import { aFileRequestBody, anApiKey, type ApiCall, callApi } from '@/test/support/api-v1';
import { openApiValidator } from '@/test/support/openapi-validator';
import { listEvents, listRequestsForEmail } from '@/test/support/requests';
import { closeSharedDatabase } from '@/test/support/shared-database';
import { createStaffMember } from '@/test/support/staff';
import { useTestDatabase } from '@/test/support/test-database';

const db = useTestDatabase();
afterAll(() => closeSharedDatabase());
const responseProblems = openApiValidator();

/** Every answer in this file is also checked against the OpenAPI document. */
async function api(call: ApiCall) {
  const result = await callApi(call);
  expect(
    responseProblems({
      method: call.method,
      template: result.template,
      status: result.response.status,
      contentType: result.response.headers.get('content-type'),
      body: result.json,
    }),
  ).toEqual([]);
  return result;
}

const allWork = ['requests:create', 'requests:read', 'requests:work'] as const;

describe('POST /api/v1/requests', () => {
  it('[another system] files a request through the staff use case: accepted at once, channel api, the key named in its events', async () => {
    const { secret, name, id } = await anApiKey(db, [...allWork]);
    const body = aFileRequestBody();

    const { response, json } = await api({ method: 'POST', path: '/requests', key: secret, body });

    expect(response.status).toBe(201);
    expect(json).toMatchObject({ type: 'deletion', status: 'new', jurisdiction: 'eu_gdpr', channel: 'api', version: expect.any(Number) });
    expect(json.reference).toMatch(/^DSR-\d{4}-\d{6,}$/);
    expect(json.dueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const [request, ...others] = await listRequestsForEmail(db, { email: String(body.email) });
    expect(others).toHaveLength(0);
    expect(request).toMatchObject({ reference: json.reference, channel: 'api', identityCheck: body.identityCheck });
    const events = await listEvents(db, { requestId: request!.id });
    expect(events.find((event) => event.action === 'filed_on_behalf')).toMatchObject({
      actorType: 'api_key',
      actorId: id,
      details: expect.objectContaining({ apiKeyName: name }),
    });
  });

  it('answers invalid input with problem details naming each field, and files nothing', async () => {
    const { secret } = await anApiKey(db, [...allWork]);
    const body = aFileRequestBody({ email: 'not-an-address', identityCheck: 'short', nickname: 'x' });

    const { response, json } = await api({ method: 'POST', path: '/requests', key: secret, body });

    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(json).toMatchObject({
      type: '/api/v1/docs#problem-validation',
      title: 'The request is not valid',
      status: 400,
      detail: expect.any(String),
    });
    expect(json.fieldErrors.email).toEqual(['Enter a valid email address, like name@example.com']);
    expect(json.fieldErrors.identityCheck[0]).toMatch(/at least 10 characters/);
    expect(json.formErrors.join(' ')).toMatch(/nickname/);
    expect(await listRequestsForEmail(db, { email: 'not-an-address' })).toHaveLength(0);
  });

  it('answers a use case’s refusal (an open request for the same person) as a problem on that field', async () => {
    const { secret } = await anApiKey(db, [...allWork]);
    const body = aFileRequestBody();
    await api({ method: 'POST', path: '/requests', key: secret, body });

    const { response, json } = await api({ method: 'POST', path: '/requests', key: secret, body });

    expect(response.status).toBe(400);
    expect(json.fieldErrors.email[0]).toMatch(/already has an open deletion request/);
  });

  it('answers malformed JSON and a wrong media type as problems', async () => {
    const { secret } = await anApiKey(db, [...allWork]);
    const malformed = await api({ method: 'POST', path: '/requests', key: secret, body: '{"type": ' });
    expect(malformed.response.status).toBe(400);
    expect(malformed.json.detail).toBe('The body is not valid JSON.');
    const wrongType = await api({
      method: 'POST',
      path: '/requests',
      key: secret,
      body: JSON.stringify(aFileRequestBody()),
      headers: { 'content-type': 'text/plain' },
    });
    expect(wrongType.response.status).toBe(415);
  });
});

describe('Idempotency-Key', () => {
  it('a retry with the same key gets the first answer and files no second request', async () => {
    const { secret } = await anApiKey(db, [...allWork]);
    const body = aFileRequestBody();
    const headers = { 'idempotency-key': crypto.randomUUID() };

    const first = await api({ method: 'POST', path: '/requests', key: secret, body, headers });
    const retry = await api({ method: 'POST', path: '/requests', key: secret, body, headers });

    expect(first.response.status).toBe(201);
    expect(retry.response.status).toBe(201);
    expect(retry.json).toEqual(first.json);
    expect(retry.response.headers.get('idempotent-replayed')).toBe('true');
    expect(await listRequestsForEmail(db, { email: String(body.email) })).toHaveLength(1);
  });

  it('two identical POSTs at the same moment file one request and get the same answer', async () => {
    const { secret } = await anApiKey(db, [...allWork]);
    const body = aFileRequestBody();
    const headers = { 'idempotency-key': crypto.randomUUID() };

    const answers = await Promise.all([0, 1, 2].map(() => api({ method: 'POST', path: '/requests', key: secret, body, headers })));

    expect(answers.map((answer) => answer.response.status)).toEqual([201, 201, 201]);
    expect(answers[1]!.json).toEqual(answers[0]!.json);
    expect(answers[2]!.json).toEqual(answers[0]!.json);
    expect(answers.filter((answer) => answer.response.headers.get('idempotent-replayed') === 'true')).toHaveLength(2);
    expect(await listRequestsForEmail(db, { email: String(body.email) })).toHaveLength(1);
  });

  it('the same key with a different body is refused (422), not answered from the first', async () => {
    const { secret } = await anApiKey(db, [...allWork]);
    const headers = { 'idempotency-key': crypto.randomUUID() };
    await api({ method: 'POST', path: '/requests', key: secret, body: aFileRequestBody(), headers });

    const other = aFileRequestBody();
    const { response, json } = await api({ method: 'POST', path: '/requests', key: secret, body: other, headers });

    expect(response.status).toBe(422);
    expect(json.fieldErrors['Idempotency-Key'][0]).toMatch(/different request/);
    expect(await listRequestsForEmail(db, { email: String(other.email) })).toHaveLength(0);
  });

  it('answers from the first only for 24 hours: the hourly prune drops older answers', async () => {
    const { id, secret } = await anApiKey(db, [...allWork]);
    const headers = { 'idempotency-key': crypto.randomUUID() };
    await api({ method: 'POST', path: '/requests', key: secret, body: aFileRequestBody(), headers });
    const [stored] = await db
      .select()
      .from(apiIdempotencyKeys)
      .where(and(eq(apiIdempotencyKeys.apiKeyId, id), eq(apiIdempotencyKeys.key, headers['idempotency-key'])));

    await pruneIdempotencyKeys(db, { now: new Date(stored!.createdAt.getTime() + 23 * 60 * 60 * 1000) });
    expect(await db.select().from(apiIdempotencyKeys).where(eq(apiIdempotencyKeys.apiKeyId, id))).toHaveLength(1);
    await pruneIdempotencyKeys(db, { now: new Date(stored!.createdAt.getTime() + 25 * 60 * 60 * 1000) });
    expect(await db.select().from(apiIdempotencyKeys).where(eq(apiIdempotencyKeys.apiKeyId, id))).toHaveLength(0);
  });

  it('keys are per API key: another key may use the same Idempotency-Key for its own request', async () => {
    const [one, two] = [await anApiKey(db, [...allWork]), await anApiKey(db, [...allWork])];
    const headers = { 'idempotency-key': 'order-4711' };
    const first = await api({ method: 'POST', path: '/requests', key: one.secret, body: aFileRequestBody(), headers });
    const second = await api({ method: 'POST', path: '/requests', key: two.secret, body: aFileRequestBody(), headers });
    expect(second.json.reference).not.toBe(first.json.reference);
  });
});

describe('GET /api/v1/requests/{reference}', () => {
  it('shows status, due date and the requester-visible events to requests:read; every event with details to audit:read', async () => {
    const filer = await anApiKey(db, [...allWork]);
    const filed = await api({ method: 'POST', path: '/requests', key: filer.secret, body: aFileRequestBody() });
    const reader = await anApiKey(db, ['requests:read']);
    const auditor = await anApiKey(db, ['requests:read', 'audit:read']);

    const read = await api({ method: 'GET', path: `/requests/${filed.json.reference}`, key: reader.secret });
    const audited = await api({ method: 'GET', path: `/requests/${filed.json.reference}`, key: auditor.secret });

    expect(read.response.status).toBe(200);
    expect(read.json).toMatchObject({ reference: filed.json.reference, status: 'new', dueOn: filed.json.dueOn });
    expect(
      read.json.events.every(
        (event: { isVisibleToRequester: boolean; details?: unknown }) => event.isVisibleToRequester && event.details === undefined,
      ),
    ).toBe(true);
    expect(read.json.events.map((event: { action: string }) => event.action)).toContain('filed_on_behalf');
    expect(audited.json.events.length).toBeGreaterThan(read.json.events.length);
    expect(audited.json.events.map((event: { action: string }) => event.action)).toContain('acknowledgement_queued');
    expect(audited.json.events.find((event: { action: string }) => event.action === 'filed_on_behalf').details.apiKeyName).toBe(filer.name);
  });

  it('answers an unknown or malformed reference with 404', async () => {
    const { secret } = await anApiKey(db, ['requests:read']);
    expect((await api({ method: 'GET', path: '/requests/DSR-2000-999999', key: secret })).response.status).toBe(404);
    expect((await api({ method: 'GET', path: '/requests/nonsense', key: secret })).response.status).toBe(404);
  });
});

describe('GET /api/v1/requests', () => {
  it('lists by keyset pages: following nextCursor visits every request once, in due order', async () => {
    const filer = await anApiKey(db, [...allWork]);
    const jurisdiction = 'br_lgpd';
    const filed = new Set<string>();
    // More than one page (50) would be slow to file one by one; filter to this run's requests instead, spread over receivedOn.
    for (let day = 1; day <= 4; day++) {
      const { json } = await api({
        method: 'POST',
        path: '/requests',
        key: filer.secret,
        body: aFileRequestBody({ jurisdiction, receivedOn: `2026-11-0${day}` }),
      });
      filed.add(json.reference);
    }
    const reader = await anApiKey(db, ['requests:read']);

    const seen: string[] = [];
    let after: string | null = null;
    let dueDates: string[] = [];
    do {
      // biome-ignore lint/suspicious/noExplicitAny: a JSON body checked against the OpenAPI document by callApi
      const { response, json }: { response: Response; json: any } = await api({
        method: 'GET',
        path: '/requests',
        key: reader.secret,
        query: { jurisdiction, status: 'all', ...(after ? { after } : {}) },
      });
      expect(response.status).toBe(200);
      seen.push(...json.data.map((row: { reference: string }) => row.reference));
      dueDates = dueDates.concat(json.data.map((row: { dueOn: string }) => row.dueOn));
      after = json.nextCursor;
    } while (after);

    for (const reference of filed) expect(seen.filter((seenReference) => seenReference === reference)).toHaveLength(1);
    expect(dueDates).toEqual([...dueDates].sort());
  });

  it('refuses a filter it cannot parse with field errors instead of ignoring it', async () => {
    const { secret } = await anApiKey(db, ['requests:read']);
    const { response, json } = await api({ method: 'GET', path: '/requests', key: secret, query: { status: 'sleeping', overdue: 'yes' } });
    expect(response.status).toBe(400);
    expect(Object.keys(json.fieldErrors).sort()).toEqual(['overdue', 'status']);
  });
});

describe('work actions', () => {
  it('[another system] starts work, asks for information, adds a note and rejects, each through the staff use case', async () => {
    const { secret, name } = await anApiKey(db, [...allWork]);
    const filed = await api({ method: 'POST', path: '/requests', key: secret, body: aFileRequestBody() });
    const reference: string = filed.json.reference;

    const started = await api({ method: 'POST', path: `/requests/${reference}/start`, key: secret, body: { version: filed.json.version } });
    expect(started.response.status).toBe(200);
    expect(started.json.status).toBe('in_progress');

    const asked = await api({
      method: 'POST',
      path: `/requests/${reference}/request-information`,
      key: secret,
      body: { version: started.json.version, message: 'Which shop account is yours?' },
    });
    expect(asked.json.status).toBe('awaiting_requester');

    const noted = await api({
      method: 'POST',
      path: `/requests/${reference}/notes`,
      key: secret,
      body: { body: 'Customer called the helpdesk as well.' },
    });
    expect(noted.response.status).toBe(201);

    const rejected = await api({
      method: 'POST',
      path: `/requests/${reference}/reject`,
      key: secret,
      body: { version: asked.json.version, basis: 'duplicate' },
    });
    expect(rejected.json.status).toBe('rejected');

    const admin = await createStaffMember(db, { role: 'admin' });
    const detail = await getRequestDetail(db, { actor: admin, reference });
    expect(detail.notes.map((note) => note.body)).toContain('Customer called the helpdesk as well.');
    const byKey = detail.events.filter((event) => event.actorType === 'api_key').map((event) => event.action);
    expect(byKey).toEqual(expect.arrayContaining(['work_started', 'information_requested', 'note_added', 'rejected']));
    expect(detail.events.filter((event) => event.actorType === 'api_key').every((event) => event.details.apiKeyName === name)).toBe(true);
  });

  it('refuses a stale version with 409 and a transition the state machine forbids with 409', async () => {
    const { secret } = await anApiKey(db, [...allWork]);
    const filed = await api({ method: 'POST', path: '/requests', key: secret, body: aFileRequestBody() });
    const reference: string = filed.json.reference;
    await api({ method: 'POST', path: `/requests/${reference}/start`, key: secret, body: { version: filed.json.version } });

    const stale = await api({ method: 'POST', path: `/requests/${reference}/start`, key: secret, body: { version: filed.json.version } });
    expect(stale.response.status).toBe(409);
    expect(stale.json.type).toBe('/api/v1/docs#problem-conflict');

    const current = await api({ method: 'GET', path: `/requests/${reference}`, key: secret });
    const again = await api({ method: 'POST', path: `/requests/${reference}/start`, key: secret, body: { version: current.json.version } });
    expect(again.response.status).toBe(409);
    expect(again.json.type).toBe('/api/v1/docs#problem-invalid-transition');
  });

  it('fulfils a deletion request; an access request needs files, which only the staff page takes', async () => {
    const { secret } = await anApiKey(db, [...allWork]);
    const deletion = await api({ method: 'POST', path: '/requests', key: secret, body: aFileRequestBody() });
    const started = await api({
      method: 'POST',
      path: `/requests/${deletion.json.reference}/start`,
      key: secret,
      body: { version: deletion.json.version },
    });
    const fulfilled = await api({
      method: 'POST',
      path: `/requests/${deletion.json.reference}/fulfil`,
      key: secret,
      body: { version: started.json.version, message: 'We erased your data.' },
    });
    expect(fulfilled.json).toMatchObject({ status: 'fulfilled', closedAt: expect.any(String) });

    const access = await api({ method: 'POST', path: '/requests', key: secret, body: aFileRequestBody({ type: 'access' }) });
    const startedAccess = await api({
      method: 'POST',
      path: `/requests/${access.json.reference}/start`,
      key: secret,
      body: { version: access.json.version },
    });
    const refused = await api({
      method: 'POST',
      path: `/requests/${access.json.reference}/fulfil`,
      key: secret,
      body: { version: startedAccess.json.version, message: 'Here is your data.' },
    });
    expect(refused.response.status).toBe(400);
    expect(refused.json.fieldErrors.files[0]).toMatch(/Attach at least one file/);
  });

  it('extends the deadline and says the new date', async () => {
    const { secret } = await anApiKey(db, [...allWork]);
    const filed = await api({ method: 'POST', path: '/requests', key: secret, body: aFileRequestBody({ jurisdiction: 'eu_gdpr' }) });
    const extended = await api({
      method: 'POST',
      path: `/requests/${filed.json.reference}/extend-deadline`,
      key: secret,
      body: { version: filed.json.version, reason: 'Complex request across many systems.' },
    });
    expect(extended.response.status).toBe(200);
    expect(extended.json.extensionCount).toBe(1);
    expect(extended.json.dueOn > filed.json.dueOn).toBe(true);
  });
});
