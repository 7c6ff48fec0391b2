import { desc, eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { apiKeys, requestEvents } from '@/db/schema';
import { createApiKey } from '@/lib/api-keys/create-api-key';
import { listApiKeys } from '@/lib/api-keys/list-api-keys';
import { revokeApiKey } from '@/lib/api-keys/revoke-api-key';
import { isAppError } from '@/lib/errors/app-error';
import { hashToken } from '@/lib/security/tokens';
import { ZCreateApiKeyForm } from '@/lib/validation/api-keys';
import { aFileRequestBody, anApiKey, callApi } from '@/test/support/api-v1';
import { closeSharedDatabase } from '@/test/support/shared-database';
import { createStaffMember } from '@/test/support/staff';
import { useTestDatabase } from '@/test/support/test-database';

const db = useTestDatabase();
afterAll(() => closeSharedDatabase());

async function lastApiKeyEvent(apiKeyId: string) {
  const [event] = await db.select().from(requestEvents).where(eq(requestEvents.actorId, apiKeyId)).orderBy(desc(requestEvents.id)).limit(1);
  return event;
}

describe('making and keeping API keys', () => {
  it('[admin] makes a key: the secret is returned once and only its SHA-256 is stored', async () => {
    const { id, secret } = await anApiKey(db, ['requests:read']);
    const [row] = await db.select().from(apiKeys).where(eq(apiKeys.id, id));
    expect(secret).toMatch(/^dsr_[A-Za-z0-9_-]{43}$/);
    expect(row!.secretHash).toBe(hashToken(secret));
    expect(JSON.stringify(row)).not.toContain(secret.slice(12));
    expect(row!.prefix).toBe(secret.slice(0, 12));
  });

  it.each(['agent', 'auditor'] as const)('[%s] may not make, list or revoke keys', async (role) => {
    const actor = await createStaffMember(db, { role: role });
    const { id } = await anApiKey(db, ['requests:read']);
    const refusals = await Promise.allSettled([
      createApiKey(db, { actor, input: { name: 'x', scopes: ['requests:read'], expiresInDays: 1 } }),
      listApiKeys(db, { actor }),
      revokeApiKey(db, { actor, id }),
    ]);
    for (const refusal of refusals) expect(refusal.status === 'rejected' && isAppError(refusal.reason, 'FORBIDDEN')).toBe(true);
  });

  it('the form needs a name and at least one scope', () => {
    const parsed = ZCreateApiKeyForm.safeParse({ name: ' ', expiresIn: '30' });
    expect(parsed.success).toBe(false);
    const fields = parsed.error!.issues.map((issue) => issue.path[0]);
    expect(fields).toEqual(expect.arrayContaining(['name', 'scopes']));
    expect(ZCreateApiKeyForm.parse({ name: 'CRM', expiresIn: 'never', 'scopes:requests:read': 'on', 'scopes:audit:read': 'on' })).toEqual({
      name: 'CRM',
      scopes: ['requests:read', 'audit:read'],
      expiresInDays: null,
    });
  });
});

describe('Authorization: Bearer', () => {
  it('every use is audited with the key’s name and moves its last-used time', async () => {
    const { id, secret, name } = await anApiKey(db, ['requests:read']);
    const { response } = await callApi({ method: 'GET', path: '/requests', key: secret });
    expect(response.status).toBe(200);
    const [row] = await db.select().from(apiKeys).where(eq(apiKeys.id, id));
    expect(row!.lastUsedAt).not.toBeNull();
    expect(await lastApiKeyEvent(id)).toMatchObject({
      actorType: 'api_key',
      action: 'api_key_used',
      details: { method: 'GET', path: '/api/v1/requests', apiKeyName: name },
    });
  });

  it.each([
    ['no header', null, /Authorization: Bearer/],
    ['an unknown key', 'dsr_unknownunknownunknownunknownunknownunknown1', /not recognised/],
  ])('refuses %s with 401 problem details and WWW-Authenticate', async (_label, key, detail) => {
    const { response, json } = await callApi({ method: 'GET', path: '/requests', key });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(json).toMatchObject({ type: '/api/v1/docs#problem-unauthenticated', status: 401 });
    expect(json.detail).toMatch(detail);
  });

  it('refuses an expired key', async () => {
    const { secret } = await anApiKey(db, ['requests:read'], { expiresInDays: 1, now: new Date(Date.now() - 2 * 24 * 60 * 60 * 1000) });
    const { response, json } = await callApi({ method: 'GET', path: '/requests', key: secret });
    expect(response.status).toBe(401);
    expect(json.detail).toMatch(/expired/);
  });

  it('refuses a revoked key from the next call on, and records who revoked it', async () => {
    const { id, secret, admin } = await anApiKey(db, ['requests:read']);
    expect((await callApi({ method: 'GET', path: '/requests', key: secret })).response.status).toBe(200);

    await revokeApiKey(db, { actor: admin, id });

    const { response, json } = await callApi({ method: 'GET', path: '/requests', key: secret });
    expect(response.status).toBe(401);
    expect(json.detail).toMatch(/revoked/);
    const [revoked] = await db
      .select()
      .from(requestEvents)
      .where(eq(requestEvents.action, 'api_key_revoked'))
      .orderBy(desc(requestEvents.id))
      .limit(1);
    expect(revoked).toMatchObject({ actorType: 'staff', actorId: admin.staffId, details: expect.objectContaining({ apiKeyId: id }) });
    expect((await listApiKeys(db, { actor: admin })).find((key) => key.id === id)?.state).toBe('revoked');
  });

  it.each([
    { scopes: ['requests:read'] as const, call: { method: 'POST' as const, path: '/requests', body: aFileRequestBody() } },
    { scopes: ['requests:create'] as const, call: { method: 'GET' as const, path: '/requests' } },
    { scopes: ['requests:read'] as const, call: { method: 'POST' as const, path: '/requests/DSR-2026-000001/notes', body: { body: 'x' } } },
  ])('a key with $scopes may not $call.method $call.path (403)', async ({ scopes, call }) => {
    const { secret } = await anApiKey(db, [...scopes]);
    const { response, json } = await callApi({ ...call, key: secret });
    expect(response.status).toBe(403);
    expect(json).toMatchObject({ type: '/api/v1/docs#problem-forbidden', detail: 'This API key’s scopes do not allow this action.' });
  });
});
