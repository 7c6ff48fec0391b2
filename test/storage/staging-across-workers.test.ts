import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DataSourceRow, fulfilmentRuns, fulfilmentSourceResults } from '@/db/schema';
import { buildPackage } from '@/lib/fulfilment/build-package';
import { runSource } from '@/lib/fulfilment/run-source';
import { getStorage } from '@/lib/storage/get-storage';
import { disableSources } from '@/test/support/data-sources';
import { createShopSource, insertShopCustomer, useDemoShop } from '@/test/support/demo-shop';
import { useEnvOverrides } from '@/test/support/env-overrides';
import { uniqueEmail } from '@/test/support/fixtures';
import { readStoredZip } from '@/test/support/read-zip';
import { type S3Server, startS3Server } from '@/test/support/s3-server';
import { stagedKeys } from '@/test/support/storage';
import { useTestDatabase } from '@/test/support/test-database';
import { createVerifiedRequest } from '@/test/support/verified-request';

const db = useTestDatabase();
const shop = useDemoShop();
const setEnv = useEnvOverrides();
const folders: string[] = [];
let s3: S3Server;
let source: DataSourceRow;

const folder = (label: string) => {
  const made = mkdtempSync(path.join(os.tmpdir(), `dsr-desk-${label}-`));
  folders.push(made);
  return made;
};

beforeAll(async () => {
  s3 = await startS3Server('dsr-staging');
  source = await createShopSource(db, { databaseUrl: shop.databaseUrl, isEnabled: true });
});

afterAll(async () => {
  await disableSources(db, [source.id]);
  await s3.stop();
  for (const made of folders) rmSync(made, { recursive: true, force: true });
});

/** Two workers on different machines: each its own local disk (STORAGE_DIR), the same storage. */
const backends = [
  { name: 'an S3 bucket', sharedStorage: () => s3.storageEnv(`install-${crypto.randomUUID()}`) },
  { name: 'a local folder both mount', sharedStorage: () => ({ STORAGE_URL: `file://${folder('shared')}` }) },
];

describe.each(backends)('[system] one worker stages a source, another builds the package: $name', ({ sharedStorage }) => {
  it('the building worker reads the staged files from storage, and the staging is gone afterwards', async () => {
    const storage = sharedStorage();
    const email = uniqueEmail('two-workers');
    await insertShopCustomer(shop.sql, { email, fullName: 'Ada Two-Workers', addresses: 1, orders: 2 });
    const { request } = await createVerifiedRequest(db, { type: 'access', input: { email, fullName: 'Ada Two-Workers' } });
    const [run] = await db.select().from(fulfilmentRuns).where(eq(fulfilmentRuns.requestId, request.id));
    const results = await db.select().from(fulfilmentSourceResults).where(eq(fulfilmentSourceResults.runId, run!.id));

    const stagingDisk = folder('worker-a');
    setEnv({ ...storage, STORAGE_DIR: stagingDisk });
    for (const result of results) if (result.sourceKind !== 'manual') await runSource(db, { sourceResultId: result.id });
    expect(await stagedKeys(run!.id)).toEqual(expect.arrayContaining([`staging/${run!.id}/${source.slug}/${source.slug}.json`]));
    // Nothing of the run is on the staging worker's own disk: another machine could not read it there.
    expect(readdirSync(stagingDisk)).toEqual([]);

    setEnv({ ...storage, STORAGE_DIR: folder('worker-b') });
    await buildPackage(db, { runId: run!.id });

    const [built] = await db.select().from(fulfilmentRuns).where(eq(fulfilmentRuns.id, run!.id));
    expect(built).toMatchObject({ status: 'succeeded', error: null });
    const files = await readStoredZip(built!.packageStorageKey!);
    const data = JSON.parse(files.get(`${source.slug}/${source.slug}.json`)!.toString('utf8'));
    expect(data.tables.customers).toEqual([expect.objectContaining({ email, full_name: 'Ada Two-Workers' })]);
    expect(data.tables.orders).toHaveLength(2);
    expect(files.get(`${source.slug}/orders.csv`)!.toString('utf8').trim().split('\n')).toHaveLength(3);
    expect(await stagedKeys(run!.id)).toEqual([]);
    if (getStorage().kind === 's3') {
      const prefix = new URL(storage.STORAGE_URL).pathname.slice(1);
      const left = await s3.client.send(new ListObjectsV2Command({ Bucket: 'dsr-staging', Prefix: `${prefix}/staging/` }));
      expect(left.Contents ?? []).toEqual([]);
    }
  });
});
