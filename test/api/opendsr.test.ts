import { createPublicKey, verify } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GET as getDiscovery } from '@/app/api/opendsr/discovery/route';
import { GET as getProcessorKey } from '@/app/api/opendsr/processor-key.pem/route';
import { DELETE as deleteRequestRoute, GET as getRequestRoute } from '@/app/api/opendsr/requests/[id]/route';
import { POST as postRequestsRoute } from '@/app/api/opendsr/requests/route';
import { eventDeliveries, eventSubscriptions, opendsrRequests, requests } from '@/db/schema';
import { env } from '@/lib/env';
import { startWork } from '@/lib/requests/start-work';
import { setPrivateTargetsAllowed } from '@/lib/settings/set-private-targets-allowed';
import { listEventSubscriptions } from '@/lib/webhooks/list-event-subscriptions';
import { deliverEventWebhook } from '@/lib/webhooks/deliver-event-webhook';
import { anApiKey } from '@/test/support/api-v1';
import { openApiValidator } from '@/test/support/openapi-validator';
import { closeSharedDatabase } from '@/test/support/shared-database';
import { createStaffMember } from '@/test/support/staff';
import { useTestDatabase } from '@/test/support/test-database';
import { startWebhookReceiver, type WebhookReceiver } from '@/test/support/webhook-receiver';

const db = useTestDatabase();
afterAll(() => closeSharedDatabase());

let receiver: WebhookReceiver;
beforeAll(async () => {
  receiver = await startWebhookReceiver();
});
afterAll(() => receiver.close());
beforeEach(async () => {
  // The receiver is on 127.0.0.1: reachable only because the admin setting allows private targets.
  await setPrivateTargetsAllowed(db, { actor: await createStaffMember(db, { role: 'admin' }), allowed: true });
  receiver.calls.length = 0;
  receiver.replyWith({ status: 202 });
});

const base = 'http://localhost:3999/api/opendsr';

const responseProblems = openApiValidator();

/** Every answer in this file is also checked against the OpenAPI document, under its /opendsr paths. */
function expectDocumented({ method, template, response, json }: { method: string; template: string; response: Response; json: unknown }) {
  expect(
    responseProblems({
      method,
      template: `/opendsr${template}`,
      status: response.status,
      contentType: response.headers.get('content-type'),
      body: json,
    }),
    `${method} /opendsr${template} ${response.status}`,
  ).toEqual([]);
}

/** Calls an OpenDSR route handler with a real Request, as Next would. */
async function call(
  handler: (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>,
  { method, path, key, body, params = {} }: { method: string; path: string; key?: string; body?: unknown; params?: Record<string, string> },
) {
  const request = new Request(`${base}${path}`, {
    method,
    headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const response = await handler(request, { params: Promise.resolve(params) });
  const text = await response.text();
  // biome-ignore lint/suspicious/noExplicitAny: a JSON answer, read by key
  const json = (text ? JSON.parse(text) : null) as any;
  expectDocumented({ method, template: params.id ? path.replace(params.id, '{id}') : path, response, json });
  return { response, text, json };
}

function anOpenDsrRequest(overrides: Record<string, unknown> = {}) {
  return {
    subject_request_id: crypto.randomUUID(),
    subject_request_type: 'erasure',
    submitted_time: new Date().toISOString(),
    regulation: 'gdpr',
    api_version: '2.0',
    subject_identities: [{ identity_type: 'email', identity_value: `opendsr-${crypto.randomUUID()}@example.test`, identity_format: 'raw' }],
    ...overrides,
  };
}

async function publicKey() {
  return createPublicKey(await (await getProcessorKey()).text());
}

async function isSignedByUs(rawBody: string, signature: string | null | undefined) {
  return typeof signature === 'string' && verify(null, Buffer.from(rawBody, 'utf8'), await publicKey(), Buffer.from(signature, 'base64'));
}

const allScopes = ['requests:create', 'requests:read', 'requests:work'] as const;

describe('OpenDSR', () => {
  it('discovery names the types, the email identity and where the signing key is, without a key', async () => {
    const response = await getDiscovery();
    expect(response.status).toBe(200);
    const body = await response.json();
    expectDocumented({ method: 'GET', template: '/discovery', response, json: body });
    const key = await getProcessorKey();
    expectDocumented({ method: 'GET', template: '/processor-key.pem', response: key, json: await key.text() });
    expect(body).toMatchObject({
      api_version: '2.0',
      supported_identities: [{ identity_type: 'email', identity_format: 'raw' }],
      supported_subject_request_types: ['erasure', 'access', 'portability'],
    });
    expect(new URL(body.processor_certificate).pathname).toBe('/api/opendsr/processor-key.pem');
    expect((await (await getProcessorKey()).text()).startsWith('-----BEGIN PUBLIC KEY-----')).toBe(true);
  });

  it('[a controller] files a request through the API filing, signed; the same subject_request_id again answers with the first filing', async () => {
    const { secret, id: apiKeyId } = await anApiKey(db, [...allScopes]);
    const body = anOpenDsrRequest({ subject_request_type: 'portability' });

    const first = await call(postRequestsRoute, { method: 'POST', path: '/requests', key: secret, body });
    expect(first.response.status).toBe(201);
    expect(first.json).toMatchObject({ controller_id: apiKeyId, subject_request_id: body.subject_request_id, api_version: '2.0' });
    expect(JSON.parse(Buffer.from(first.json.encoded_request, 'base64').toString('utf8'))).toMatchObject({
      subject_request_id: body.subject_request_id,
    });
    expect(await isSignedByUs(first.text, first.response.headers.get('x-opendsr-signature'))).toBe(true);
    expect(first.response.headers.get('x-opendsr-processor-domain')).toBe(new URL(env().APP_URL).host);

    const [filed] = await db
      .select({ type: requests.type, status: requests.status, channel: requests.channel, dueOn: requests.dueOn })
      .from(requests)
      .innerJoin(opendsrRequests, eq(opendsrRequests.requestId, requests.id))
      .where(eq(opendsrRequests.subjectRequestId, body.subject_request_id));
    expect(filed).toMatchObject({ type: 'export', status: 'new', channel: 'api' });
    expect(first.json.expected_completion_time.slice(0, 10) >= filed!.dueOn!).toBe(true);

    const again = await call(postRequestsRoute, { method: 'POST', path: '/requests', key: secret, body });
    expect(again.response.status).toBe(201);
    expect(again.json).toEqual(first.json);
    const count = await db.$count(opendsrRequests, eq(opendsrRequests.subjectRequestId, body.subject_request_id));
    expect(count).toBe(1);

    const concurrent = anOpenDsrRequest();
    const both = await Promise.all(
      [1, 2].map(() => call(postRequestsRoute, { method: 'POST', path: '/requests', key: secret, body: concurrent })),
    );
    expect(both.map((answer) => answer.response.status)).toEqual([201, 201]);
    expect(both[1]!.json).toEqual(both[0]!.json);
    expect(await db.$count(opendsrRequests, eq(opendsrRequests.subjectRequestId, concurrent.subject_request_id))).toBe(1);

    const changed = await call(postRequestsRoute, {
      method: 'POST',
      path: '/requests',
      key: secret,
      body: { ...body, subject_request_type: 'access' },
    });
    expect(changed.response.status).toBe(422);
  });

  it('refuses a body without a raw email identity with a problem naming the field', async () => {
    const { secret } = await anApiKey(db, [...allScopes]);
    const body = anOpenDsrRequest({ subject_identities: [{ identity_type: 'email', identity_value: 'ab12', identity_format: 'sha256' }] });
    const { response, json } = await call(postRequestsRoute, { method: 'POST', path: '/requests', key: secret, body });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(json.fieldErrors).toHaveProperty('subject_identities');
  });

  it('answers the status mapped from ours, signed; an unknown or another key’s id is a 404 problem', async () => {
    const { secret } = await anApiKey(db, [...allScopes]);
    const body = anOpenDsrRequest();
    await call(postRequestsRoute, { method: 'POST', path: '/requests', key: secret, body });
    const path = `/requests/${body.subject_request_id}`;

    const status = await call(getRequestRoute, { method: 'GET', path, key: secret, params: { id: body.subject_request_id } });
    expect(status.response.status).toBe(200);
    expect(status.json).toMatchObject({ subject_request_id: body.subject_request_id, request_status: 'pending' });
    expect(await isSignedByUs(status.text, status.response.headers.get('x-opendsr-signature'))).toBe(true);

    const unknownId = crypto.randomUUID();
    const unknown = await call(getRequestRoute, { method: 'GET', path: `/requests/${unknownId}`, key: secret, params: { id: unknownId } });
    expect(unknown.response.status).toBe(404);
    expect(unknown.response.headers.get('content-type')).toContain('application/problem+json');
    expect(unknown.response.headers.get('x-opendsr-signature')).toBeNull();

    const other = await anApiKey(db, [...allScopes]);
    const notTheirs = await call(getRequestRoute, { method: 'GET', path, key: other.secret, params: { id: body.subject_request_id } });
    expect(notTheirs.response.status).toBe(404);

    const malformed = await call(getRequestRoute, { method: 'GET', path: '/requests/nope', key: secret, params: { id: 'nope' } });
    expect(malformed.response.status).toBe(404);
  });

  it('a key without the scope is refused with a 403 problem', async () => {
    const { secret } = await anApiKey(db, ['requests:read']);
    const filed = await call(postRequestsRoute, { method: 'POST', path: '/requests', key: secret, body: anOpenDsrRequest() });
    expect(filed.response.status).toBe(403);
    expect(filed.response.headers.get('content-type')).toContain('application/problem+json');

    const creator = await anApiKey(db, ['requests:create', 'requests:read']);
    const body = anOpenDsrRequest();
    await call(postRequestsRoute, { method: 'POST', path: '/requests', key: creator.secret, body });
    const cancelled = await call(deleteRequestRoute, {
      method: 'DELETE',
      path: `/requests/${body.subject_request_id}`,
      key: creator.secret,
      params: { id: body.subject_request_id },
    });
    expect(cancelled.response.status).toBe(403);
  });

  it('[a controller] cancels a pending request (202, signed, requester’s cancellation); once work started it is refused with 409', async () => {
    const { secret, id: apiKeyId } = await anApiKey(db, [...allScopes]);
    const body = anOpenDsrRequest();
    await call(postRequestsRoute, { method: 'POST', path: '/requests', key: secret, body });
    const params = { id: body.subject_request_id };
    const path = `/requests/${body.subject_request_id}`;

    const cancelled = await call(deleteRequestRoute, { method: 'DELETE', path, key: secret, params });
    expect(cancelled.response.status).toBe(202);
    expect(cancelled.json).toMatchObject({ controller_id: apiKeyId, subject_request_id: body.subject_request_id });
    expect(await isSignedByUs(cancelled.text, cancelled.response.headers.get('x-opendsr-signature'))).toBe(true);
    expect((await call(getRequestRoute, { method: 'GET', path, key: secret, params })).json.request_status).toBe('cancelled');
    const [event] = await db.execute<{ actor_type: string }>(
      sql`select e.actor_type from request_events e join opendsr_requests o on o.request_id = e.request_id
          where o.subject_request_id = ${body.subject_request_id} and e.action = 'cancelled'`,
    );
    expect(event?.actor_type).toBe('api_key');

    const started = anOpenDsrRequest();
    await call(postRequestsRoute, { method: 'POST', path: '/requests', key: secret, body: started });
    const admin = await createStaffMember(db, { role: 'admin' });
    const [request] = await db
      .select({ reference: requests.reference, version: requests.version })
      .from(requests)
      .innerJoin(opendsrRequests, eq(opendsrRequests.requestId, requests.id))
      .where(eq(opendsrRequests.subjectRequestId, started.subject_request_id));
    await startWork(db, { actor: admin, reference: request!.reference!, version: request!.version });
    const refused = await call(deleteRequestRoute, {
      method: 'DELETE',
      path: `/requests/${started.subject_request_id}`,
      key: secret,
      params: { id: started.subject_request_id },
    });
    expect(refused.response.status).toBe(409);
    expect(refused.response.headers.get('content-type')).toContain('application/problem+json');
  });

  it('on a status change, POSTs a callback to each status_callback_url, signed so the controller can verify it', async () => {
    const { secret, id: apiKeyId, admin } = await anApiKey(db, [...allScopes]);
    const body = anOpenDsrRequest({ status_callback_urls: [receiver.url] });
    await call(postRequestsRoute, { method: 'POST', path: '/requests', key: secret, body });
    // The callback URL is the filing's own, not an admin's subscription.
    expect((await listEventSubscriptions(db, { actor: admin })).some((subscription) => subscription.url === receiver.url)).toBe(false);

    const [request] = await db
      .select({ reference: requests.reference, version: requests.version })
      .from(requests)
      .innerJoin(opendsrRequests, eq(opendsrRequests.requestId, requests.id))
      .where(eq(opendsrRequests.subjectRequestId, body.subject_request_id));
    await startWork(db, { actor: admin, reference: request!.reference!, version: request!.version });

    const deliveries = await db
      .select({ id: eventDeliveries.id })
      .from(eventDeliveries)
      .innerJoin(eventSubscriptions, eq(eventSubscriptions.id, eventDeliveries.subscriptionId))
      .innerJoin(opendsrRequests, eq(opendsrRequests.id, eventSubscriptions.opendsrRequestId))
      .where(eq(opendsrRequests.subjectRequestId, body.subject_request_id));
    expect(deliveries).toHaveLength(1);
    expect(await deliverEventWebhook(db, { deliveryId: deliveries[0]!.id })).toBe('delivered');

    const [callback] = receiver.calls;
    expect(await isSignedByUs(callback!.rawBody, callback!.headers['x-opendsr-signature'] as string)).toBe(true);
    expect(callback!.headers['x-opengdpr-signature']).toBe(callback!.headers['x-opendsr-signature']);
    expect(JSON.parse(callback!.rawBody)).toMatchObject({
      controller_id: apiKeyId,
      status_callback_url: receiver.url,
      subject_request_id: body.subject_request_id,
      request_status: 'in_progress',
    });
    expect(callback!.rawBody).not.toContain('@example.test');
    // A tampered body does not verify.
    expect(
      await isSignedByUs(callback!.rawBody.replace('in_progress', 'completed'), callback!.headers['x-opendsr-signature'] as string),
    ).toBe(false);
  });
});
