import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createConnection } from 'mysql2/promise';
import postgres from 'postgres';
import { createDatabase } from '@/db/client';
import { seedDemoCrmDatabase } from '@/db/seed/demo-crm/seed-demo-crm';
import { seedDemoShopDatabase } from '@/db/seed/demo-shop/seed-demo-shop';
import { loadDataSourcesFile } from '@/lib/data-sources/load-data-sources-file';
import { allowPrivateTargetsOnFirstStart } from '@/lib/settings/set-private-targets-allowed';
import { type EmbeddedPostgresHandle, ensureDatabase } from './embedded/embedded-postgres';

export const DEMO_DATA_SOURCES_FILE = fileURLToPath(new URL('../db/seed/demo-data-sources.json', import.meta.url));
export const DEMO_CRM_DATA_SOURCE_FILE = fileURLToPath(new URL('../db/seed/demo-crm-data-source.json', import.meta.url));
const DEMO_CRM_DATABASE = 'dsr_desk_demo_crm';

/**
 * On the embedded default: a `demo_shop` database on the same cluster, named by
 * DEMO_SHOP_DATABASE_URL (unless that is set already). Call before env() is first
 * read: it is parsed once.
 */
export async function provideEmbeddedDemoShop(cluster: EmbeddedPostgresHandle): Promise<void> {
  if (process.env.DEMO_SHOP_DATABASE_URL) return;
  await ensureDatabase(cluster.urlFor('postgres'), 'demo_shop');
  process.env.DEMO_SHOP_DATABASE_URL = cluster.urlFor('demo_shop');
}

/**
 * On the embedded default: the demo CRM in MySQL/MariaDB, only when a server answers at
 * DEMO_MARIADB_SERVER_URL (default the machine's own, root without a password). Sets
 * DEMO_CRM_DATABASE_URL (unless set already) and says in the log either way.
 */
export async function provideEmbeddedDemoCrm(
  log: (line: string) => void,
  {
    serverUrl = process.env.DEMO_MARIADB_SERVER_URL || 'mysql://root@127.0.0.1:3306',
    database = DEMO_CRM_DATABASE,
  }: { serverUrl?: string; database?: string } = {},
): Promise<void> {
  if (process.env.DEMO_CRM_DATABASE_URL) return;
  const target = new URL(serverUrl);
  try {
    const connection = await createConnection({ uri: serverUrl, connectTimeout: 3_000 });
    try {
      await connection.query(`create database if not exists \`${database}\` character set utf8mb4`);
    } finally {
      await connection.end();
    }
  } catch (error) {
    log(
      `demo CRM: no MySQL/MariaDB at ${target.host} (${(error as Error).message}); running without it (set DEMO_MARIADB_SERVER_URL to use another server)`,
    );
    return;
  }
  target.pathname = `/${database}`;
  process.env.DEMO_CRM_DATABASE_URL = target.toString();
  log(`demo CRM: MySQL/MariaDB found at ${target.host}; using database ${database}`);
}

type PrepareDataSourcesOptions = {
  databaseUrl: string;
  demoShopDatabaseUrl?: string;
  /** The demo CRM (MySQL/MariaDB); seeded from the demo shop's customer ids, so only with the shop. */
  demoCrmDatabaseUrl?: string;
  dataSourcesFile?: string;
  /** ALLOW_PRIVATE_WEBHOOK_URLS=true, retired: carried over into the admin setting once (lib/env.ts). */
  hasLegacyPrivateTargetsVariable?: boolean;
  /** The process environment, where seed files find their secrets. */
  variables: Record<string, string | undefined>;
  log: (line: string) => void;
};

/**
 * With DEMO_SHOP_DATABASE_URL: seed the demo shop and register it (with the backups
 * checklist) from db/seed/demo-data-sources.json; with DEMO_CRM_DATABASE_URL as well, the
 * demo CRM in MySQL/MariaDB from db/seed/demo-crm-data-source.json. With DATA_SOURCES_FILE: load that file.
 * The demo shop is a database on this machine, so its first start allows private
 * targets (unless an admin already chose); a real install leaves them refused.
 */
export async function prepareDataSources({
  databaseUrl,
  demoShopDatabaseUrl,
  demoCrmDatabaseUrl,
  dataSourcesFile,
  hasLegacyPrivateTargetsVariable = false,
  variables,
  log,
}: PrepareDataSourcesOptions): Promise<void> {
  const files: string[] = [];
  if (demoShopDatabaseUrl) {
    const { isSeeded } = await seedDemoShopDatabase(demoShopDatabaseUrl);
    if (isSeeded) log('demo shop: seeded made-up customers (try a request as ada.lovelace@example.com)');
    files.push(DEMO_DATA_SOURCES_FILE);
    if (demoCrmDatabaseUrl) {
      const shop = postgres(demoShopDatabaseUrl, { max: 1, onnotice: () => {} });
      try {
        const { isSeeded: isCrmSeeded } = await seedDemoCrmDatabase(demoCrmDatabaseUrl, shop);
        if (isCrmSeeded) log('demo CRM: seeded the shop’s customers as contacts (keyed by the shop’s customer id)');
      } finally {
        await shop.end({ timeout: 5 });
      }
      files.push(DEMO_CRM_DATA_SOURCE_FILE);
    }
  }
  if (dataSourcesFile) files.push(dataSourcesFile);
  if (files.length === 0 && !hasLegacyPrivateTargetsVariable) return;

  const { db, close } = createDatabase(databaseUrl, { max: 2 });
  try {
    if (hasLegacyPrivateTargetsVariable) {
      const isTurnedOn = await allowPrivateTargetsOnFirstStart(db, { reason: 'ALLOW_PRIVATE_WEBHOOK_URLS=true was set' });
      log(
        `ALLOW_PRIVATE_WEBHOOK_URLS is retired: ${isTurnedOn ? 'private network addresses are now allowed by the admin setting' : 'an admin already decided, so it changes nothing'} (Settings → Data sources); remove the variable`,
      );
    }
    if (demoShopDatabaseUrl && (await allowPrivateTargetsOnFirstStart(db, { reason: 'the demo shop database runs on this machine' }))) {
      log('data sources: private network addresses allowed, for the demo shop on this machine (Settings → Data sources turns it off)');
    }
    for (const file of files) {
      const loaded = await loadDataSourcesFile(db, { file, variables, log });
      const counts = [`${loaded.created.length} created`, `${loaded.updated.length} updated`, `${loaded.unchanged.length} unchanged`];
      if (loaded.madeInTheUi.length > 0) counts.push(`${loaded.madeInTheUi.length} left as made in the UI`);
      log(`data sources from ${path.relative(process.cwd(), file) || file}: ${counts.join(', ')}`);
    }
  } finally {
    await close();
  }
}
