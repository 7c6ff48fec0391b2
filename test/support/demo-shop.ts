import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import postgres, { type Sql } from 'postgres';
import { afterAll, beforeAll } from 'vitest';
import type { Database } from '@/db/client';
import { type DataSourceRow, dataSources } from '@/db/schema';
import { seedDemoShop } from '@/db/seed/demo-shop/seed-demo-shop';
import { encryptSourceSecret } from '@/lib/data-sources/read-source-secret';
import type { TPostgresMap } from '@/lib/validation/data-source';
import { ZDataSourcesFile } from '@/lib/validation/data-sources-file';
import { disableSources } from './data-sources';
import { provisionPostgres } from './provision-postgres';

export * from './shop-customers';

/** A demo shop database of a test's own: created, seeded with the demo people, dropped by `stop`. */
export type DemoShop = { databaseUrl: string; sql: Sql; stop: () => Promise<void> };

export async function createDemoShop(label = 'shop'): Promise<DemoShop> {
  const database = await provisionPostgres(label);
  const sql = postgres(database.databaseUrl, { max: 3, onnotice: () => {} });
  await seedDemoShop(sql);
  return {
    databaseUrl: database.databaseUrl,
    sql,
    stop: async () => {
      await sql.end({ timeout: 5 });
      await database.stop();
    },
  };
}

/** For a test file: a seeded shop made before its tests and dropped after them. Read its fields inside tests or hooks. */
export function useDemoShop(): DemoShop {
  let shop: DemoShop | undefined;
  beforeAll(async () => {
    shop = await createDemoShop();
  });
  afterAll(async () => {
    await shop?.stop();
  });
  const current = () => {
    if (!shop) throw new Error('the demo shop is made in beforeAll: use it inside tests or hooks');
    return shop;
  };
  return {
    get databaseUrl() {
      return current().databaseUrl;
    },
    get sql() {
      return current().sql;
    },
    stop: () => current().stop(),
  };
}

/** The demo map as shipped in db/seed/demo-data-sources.json (source "shop-database"). */
export const demoShopMap: TPostgresMap = (() => {
  const entries = ZDataSourcesFile.parse(
    JSON.parse(readFileSync(new URL('../../db/seed/demo-data-sources.json', import.meta.url), 'utf8')),
  );
  const shop = entries.find((entry) => entry.slug === 'shop-database');
  if (shop?.config.kind !== 'postgres') throw new Error('db/seed/demo-data-sources.json has no postgres source "shop-database"');
  return shop.config.map;
})();

type ShopSourceOptions = {
  databaseUrl: string;
  map?: TPostgresMap;
  isEnabled?: boolean;
  usedForAccess?: boolean;
  usedForErasure?: boolean;
  name?: string;
};

/**
 * A PostgreSQL data source pointing at a test's shop, written straight to the table
 * (no live check, no audit event). Disabled unless asked: runs use every enabled
 * source, and other test files must not meet this one. Remove with `disableSources`.
 */
export async function createShopSource(
  db: Database,
  { databaseUrl, map = demoShopMap, isEnabled = false, usedForAccess = true, usedForErasure = true, name }: ShopSourceOptions,
): Promise<DataSourceRow> {
  const slug = `test-shop-${randomBytes(4).toString('hex')}`;
  const [row] = await db
    .insert(dataSources)
    .values({
      slug,
      name: name ?? `Test shop ${slug}`,
      kind: 'postgres',
      isEnabled,
      usedForAccess,
      usedForErasure,
      config: { kind: 'postgres', map },
      secretCiphertext: encryptSourceSecret('postgres', databaseUrl),
      secretUpdatedAt: new Date(),
    })
    .returning();
  return row!;
}

/** For afterAll: switch a test's sources off so later files' runs never include them. */
/** A digest of every row of every shop table, to show a dry run changed nothing anywhere in the shop. */
export async function shopFingerprint(sql: Sql): Promise<Record<string, string | null>> {
  const tables = ['customers', 'addresses', 'orders', 'newsletter_subscriptions', 'support_tickets'];
  const fingerprint: Record<string, string | null> = {};
  for (const table of tables) {
    const [row] = await sql.unsafe<{ digest: string | null }[]>(
      `select md5(string_agg(to_jsonb(t)::text, ',' order by id)) as digest from ${table} t`,
    );
    fingerprint[table] = row!.digest;
  }
  return fingerprint;
}

/**
 * Sources for a test file that decides exactly which sources a run uses: made disabled
 * (runs use every enabled source, and other files must not meet these) and enabled only
 * by `enableOnly`. Sources other files or the seed left enabled are switched off for
 * this file and back on after it, so a run here touches only this file's sources.
 */
export function useTestSources(db: Database) {
  const created: string[] = [];
  let othersEnabled: string[] = [];
  beforeAll(async () => {
    const enabled = await db
      .update(dataSources)
      .set({ isEnabled: false })
      .where(eq(dataSources.isEnabled, true))
      .returning({ id: dataSources.id });
    othersEnabled = enabled.map((source) => source.id);
  });
  afterAll(async () => {
    await disableSources(db, created);
    if (othersEnabled.length > 0) await db.update(dataSources).set({ isEnabled: true }).where(inArray(dataSources.id, othersEnabled));
  });
  return {
    /** A PostgreSQL source over a shop (the shipped demo map unless `map` is given), disabled. */
    async createShopSource(options: Omit<ShopSourceOptions, 'isEnabled'>): Promise<DataSourceRow> {
      const source = await createShopSource(db, { ...options, isEnabled: false });
      created.push(source.id);
      return source;
    },
    async createManualSource({
      name = `Test checklist ${randomBytes(4).toString('hex')}`,
    }: {
      name?: string;
    } = {}): Promise<DataSourceRow> {
      const [source] = await db
        .insert(dataSources)
        .values({
          slug: `test-checklist-${randomBytes(4).toString('hex')}`,
          name,
          kind: 'manual',
          isEnabled: false,
          usedForAccess: false,
          config: { kind: 'manual', instructions: 'Check the backups roll off within 35 days.' },
        })
        .returning();
      created.push(source!.id);
      return source!;
    },
    /** A source the file made by other means (e.g. a MariaDB CRM's), switched off with the file's others. */
    track(source: DataSourceRow): DataSourceRow {
      created.push(source.id);
      return source;
    },
    /** Enables exactly these of the file's sources. */
    async enableOnly(sources: DataSourceRow[]): Promise<void> {
      await disableSources(db, created);
      if (sources.length > 0)
        await db
          .update(dataSources)
          .set({ isEnabled: true })
          .where(
            inArray(
              dataSources.id,
              sources.map((source) => source.id),
            ),
          );
    },
  };
}
