import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDatabase } from '@/db/client';
import { seedDemoShopDatabase } from '@/db/seed/demo-shop/seed-demo-shop';
import { loadDataSourcesFile } from '@/lib/data-sources/load-data-sources-file';
import { allowPrivateTargetsForDemo } from '@/lib/settings/set-private-targets-allowed';
import { type EmbeddedPostgresHandle, ensureDatabase } from './embedded/embedded-postgres';

export const DEMO_DATA_SOURCES_FILE = fileURLToPath(new URL('../db/seed/demo-data-sources.json', import.meta.url));

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

type PrepareDataSourcesOptions = {
  databaseUrl: string;
  demoShopDatabaseUrl?: string;
  dataSourcesFile?: string;
  /** The process environment, where seed files find their secrets. */
  variables: Record<string, string | undefined>;
  log: (line: string) => void;
};

/**
 * With DEMO_SHOP_DATABASE_URL: seed the demo shop and register it (with the backups
 * checklist) from db/seed/demo-data-sources.json. With DATA_SOURCES_FILE: load that file.
 * The demo shop is a database on this machine, so its first start allows private
 * targets (unless an admin already chose); a real install leaves them refused.
 */
export async function prepareDataSources({ databaseUrl, demoShopDatabaseUrl, dataSourcesFile, variables, log }: PrepareDataSourcesOptions): Promise<void> {
  const files: string[] = [];
  if (demoShopDatabaseUrl) {
    const { isSeeded } = await seedDemoShopDatabase(demoShopDatabaseUrl);
    if (isSeeded) log('demo shop: seeded made-up customers (try a request as ada.lovelace@example.com)');
    files.push(DEMO_DATA_SOURCES_FILE);
  }
  if (dataSourcesFile) files.push(dataSourcesFile);
  if (files.length === 0) return;

  const { db, close } = createDatabase(databaseUrl, { max: 2 });
  try {
    if (demoShopDatabaseUrl && (await allowPrivateTargetsForDemo(db))) {
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
