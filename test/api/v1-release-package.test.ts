import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DataSourceRow, fulfilmentRuns, fulfilmentSourceResults, requestAttachments, requests } from '@/db/schema';
import { resetEnvForTests } from '@/lib/env';
import { buildPackage } from '@/lib/fulfilment/build-package';
import { runSource } from '@/lib/fulfilment/run-source';
import { aFileRequestBody, anApiKey, type ApiCall, callApi } from '@/test/support/api-v1';
import { disableSources } from '@/test/support/data-sources';
import { createShopSource, insertShopCustomer, uniqueShopEmail, useDemoShop } from '@/test/support/demo-shop';
import { openApiValidator } from '@/test/support/openapi-validator';
import { listEvents } from '@/test/support/requests';
import { closeSharedDatabase } from '@/test/support/shared-database';
import { useTestDatabase } from '@/test/support/test-database';

const db = useTestDatabase();
const shop = useDemoShop();
const responseProblems = openApiValidator();
const originalStorageDir = process.env.STORAGE_DIR;
let storageDir: string;
let source: DataSourceRow;

beforeAll(async () => {
  storageDir = mkdtempSync(path.join(os.tmpdir(), 'dsr-desk-api-release-'));
  process.env.STORAGE_DIR = storageDir;
  resetEnvForTests();
  source = await createShopSource(db, { databaseUrl: shop.databaseUrl, isEnabled: true });
});

afterAll(async () => {
  await disableSources(db, [source.id]);
  await closeSharedDatabase();
  rmSync(storageDir, { recursive: true, force: true });
  if (originalStorageDir === undefined) delete process.env.STORAGE_DIR;
  else process.env.STORAGE_DIR = originalStorageDir;
  resetEnvForTests();
});

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

/** An access request filed through the API for a shop customer: it starts gathering by itself. */
async function anAccessRequestFiledByApi(key: string) {
  const email = uniqueShopEmail('api-release');
  await insertShopCustomer(shop.sql, { email, fullName: 'Api Shopper', orders: 2 });
  const { response, json } = await api({
    method: 'POST',
    path: '/requests',
    key,
    body: aFileRequestBody({ type: 'access', email, fullName: 'Api Shopper' }),
    headers: { 'idempotency-key': crypto.randomUUID() },
  });
  expect(response.status).toBe(201);
  return json as { reference: string; version: number };
}

async function runOf(reference: string) {
  const [row] = await db
    .select({ id: fulfilmentRuns.id, requestId: requests.id })
    .from(fulfilmentRuns)
    .innerJoin(requests, eq(requests.id, fulfilmentRuns.requestId))
    .where(eq(requests.reference, reference))
    .orderBy(desc(fulfilmentRuns.createdAt))
    .limit(1);
  return row!;
}

/** The worker's part, in this process: every source, then the ZIP. */
async function gather(runId: string) {
  for (const result of await db.select().from(fulfilmentSourceResults).where(eq(fulfilmentSourceResults.runId, runId)))
    if (result.sourceKind !== 'manual') await runSource(db, { sourceResultId: result.id });
  await buildPackage(db, { runId });
}

describe('POST /api/v1/requests/{reference}/release-package', () => {
  it('[another system] answers an access request with its gathered package: the request closes, the requester gets the ZIP, the key is named', async () => {
    const { secret, id: apiKeyId } = await anApiKey(db, ['requests:create', 'requests:read', 'requests:work']);
    const filed = await anAccessRequestFiledByApi(secret);
    const { id: runId, requestId } = await runOf(filed.reference);

    const early = await api({
      method: 'POST',
      path: `/requests/${filed.reference}/release-package`,
      key: secret,
      body: { version: filed.version, message: 'Here is your data.' },
    });
    expect(early.response.status).toBe(409);
    expect(early.json).toMatchObject({ code: 'INVALID_TRANSITION', detail: 'The package is still being gathered.' });

    await gather(runId);
    const { response, json } = await api({
      method: 'POST',
      path: `/requests/${filed.reference}/release-package`,
      key: secret,
      body: { version: filed.version, message: 'Here is your data.' },
    });
    expect(response.status).toBe(200);
    expect(json).toMatchObject({ reference: filed.reference, status: 'fulfilled' });

    const [run] = await db.select().from(fulfilmentRuns).where(eq(fulfilmentRuns.id, runId));
    expect(run).toMatchObject({ status: 'released', releasedById: null });
    const [attachment] = await db.select().from(requestAttachments).where(eq(requestAttachments.id, run!.attachmentId!));
    expect(attachment).toMatchObject({ storageKey: run!.packageStorageKey, sha256: run!.packageSha256, contentType: 'application/zip' });
    const released = (await listEvents(db, { requestId })).find((event) => event.action === 'data_package_released');
    expect(released).toMatchObject({ actorType: 'api_key', actorId: apiKeyId, details: { runId } });

    const again = await api({
      method: 'POST',
      path: `/requests/${filed.reference}/release-package`,
      key: secret,
      body: { version: json.version, message: 'Again.' },
    });
    expect(again.response.status).toBe(409);
  });

  it('[another system] releases the package it names, refuses one it does not know, and needs requests:work', async () => {
    const { secret } = await anApiKey(db, ['requests:create', 'requests:read', 'requests:work']);
    const { secret: readOnly } = await anApiKey(db, ['requests:read']);
    const filed = await anAccessRequestFiledByApi(secret);
    const { id: runId } = await runOf(filed.reference);
    await gather(runId);

    const forbidden = await api({
      method: 'POST',
      path: `/requests/${filed.reference}/release-package`,
      key: readOnly,
      body: { version: filed.version, runId, message: 'Here is your data.' },
    });
    expect(forbidden.response.status).toBe(403);

    const unknown = await api({
      method: 'POST',
      path: `/requests/${filed.reference}/release-package`,
      key: secret,
      body: { version: filed.version, runId: crypto.randomUUID(), message: 'Here is your data.' },
    });
    expect(unknown.response.status).toBe(404);

    const named = await api({
      method: 'POST',
      path: `/requests/${filed.reference}/release-package`,
      key: secret,
      body: { version: filed.version, runId, message: 'Here is your data.' },
    });
    expect(named.response.status).toBe(200);
    const [latest] = await db
      .select({ status: fulfilmentRuns.status })
      .from(fulfilmentRuns)
      .where(eq(fulfilmentRuns.id, runId))
      .orderBy(desc(fulfilmentRuns.createdAt));
    expect(latest!.status).toBe('released');
  });
});
