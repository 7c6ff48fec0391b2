import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { startEmbeddedPostgres } from '../../scripts/embedded/embedded-postgres';
import { freePort } from './free-port';

export type ProvisionedDatabase = { databaseUrl: string; stop: () => Promise<void> };

/**
 * A fresh, empty database for one test run. With DATABASE_URL set (e.g. the
 * machine's PostgreSQL 15) it creates a uniquely named database on that server
 * and drops it afterwards; otherwise it starts a throwaway embedded cluster.
 */
export async function provisionPostgres(label: string): Promise<ProvisionedDatabase> {
  const name = `dsr_desk_test_${label}_${randomBytes(4).toString('hex')}`;
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const adminUrl = new URL(serverUrl);
    adminUrl.pathname = '/postgres';
    const admin = postgres(adminUrl.toString(), { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${name}"`);
    await admin.end();
    const databaseUrl = new URL(serverUrl);
    databaseUrl.pathname = `/${name}`;
    return {
      databaseUrl: databaseUrl.toString(),
      stop: async () => {
        const cleanup = postgres(adminUrl.toString(), { max: 1, onnotice: () => {} });
        await cleanup.unsafe(`drop database if exists "${name}" with (force)`);
        await cleanup.end();
      },
    };
  }

  const folder = mkdtempSync(path.join(os.tmpdir(), 'dsr-desk-test-pg-'));
  const cluster = await startEmbeddedPostgres({ dataDir: path.join(folder, 'data'), port: await freePort(), persistent: false });
  const admin = postgres(cluster.urlFor('postgres'), { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  return {
    databaseUrl: cluster.urlFor(name),
    stop: async () => {
      await cluster.stop();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
