import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GET as live } from '@/app/api/health/live/route';
import { GET as ready } from '@/app/api/health/ready/route';
import { createDatabase } from '@/db/client';
import { checkReadiness } from '@/lib/health/check-readiness';
import { getStorage } from '@/lib/storage/get-storage';
import { useEnvOverrides } from '@/test/support/env-overrides';
import { closeSharedDatabase } from '@/test/support/shared-database';

const setEnv = useEnvOverrides();
afterAll(() => closeSharedDatabase());

describe('health endpoints', () => {
  it('/api/health/live answers 200 without touching anything', async () => {
    const response = live();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('/api/health/ready answers 200 when the database and storage answer', async () => {
    const storageDir = mkdtempSync(path.join(os.tmpdir(), 'dsr-desk-ready-'));
    try {
      setEnv({ STORAGE_DIR: storageDir });
      const response = await ready();
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'ready', checks: { database: 'ok', storage: 'ok' } });
    } finally {
      rmSync(storageDir, { recursive: true, force: true });
    }
  });

  it('is not ready (and says which) when the database is unreachable or the bucket does not answer', async () => {
    const unreachable = createDatabase('postgres://nobody@127.0.0.1:1/none', { max: 1 });
    try {
      expect(await checkReadiness(unreachable.db, getStorage())).toEqual({ isReady: false, checks: { database: 'failed', storage: 'ok' } });
    } finally {
      await unreachable.close();
    }
    setEnv({
      STORAGE_URL: 's3://missing-bucket/x',
      S3_ENDPOINT: 'http://127.0.0.1:1',
      S3_FORCE_PATH_STYLE: 'true',
      AWS_ACCESS_KEY_ID: 'x',
      AWS_SECRET_ACCESS_KEY: 'y',
    });
    const response = await ready();
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: 'not_ready', checks: { database: 'ok', storage: 'failed' } });
  });
});
