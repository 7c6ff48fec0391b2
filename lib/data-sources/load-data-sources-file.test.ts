import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ZDataSourcesFile } from '@/lib/validation/data-sources-file';
import { aWebhookSourceInput, disableSources, listSourceEvents, readSourceRow, uniqueSlug } from '@/test/support/data-sources';
import { demoShopMap, useDemoShop } from '@/test/support/demo-shop';
import { createStaffMember } from '@/test/support/staff';
import { useTestDatabase } from '@/test/support/test-database';
import { checkDatabaseSource } from './check-database-source';
import { createDataSource } from './create-data-source';
import { loadDataSourcesFile } from './load-data-sources-file';
import { readSourceSecret } from './read-source-secret';

const db = useTestDatabase();
const shop = useDemoShop();
const folder = mkdtempSync(path.join(os.tmpdir(), 'dsr-desk-sources-file-'));
const touched: string[] = [];

afterAll(async () => {
  await disableSources(db, touched);
  rmSync(folder, { recursive: true, force: true });
});

function writeSourcesFile(entries: unknown, file = path.join(folder, `${uniqueSlug('file')}.json`)): string {
  writeFileSync(file, JSON.stringify(entries, null, 2));
  return file;
}

/** A disabled shop source and a disabled manual checklist, as a seed file holds them. */
function seedEntries({
  shopSlug = uniqueSlug('seeded-shop'),
  manualSlug = uniqueSlug('seeded-backups'),
  shopName = 'Seeded shop',
  map = demoShopMap,
} = {}) {
  return [
    {
      slug: shopSlug,
      name: shopName,
      kind: 'postgres',
      isEnabled: false,
      secret: { env: 'TEST_SHOP_URL' },
      config: { kind: 'postgres', map },
    },
    {
      slug: manualSlug,
      name: 'Seeded backups',
      kind: 'manual',
      isEnabled: false,
      usedForAccess: false,
      config: { kind: 'manual', instructions: 'Backups roll off after 35 days.' },
    },
  ];
}

async function load(file: string, variables: Record<string, string | undefined> = { TEST_SHOP_URL: shop.databaseUrl }) {
  const outcome = await loadDataSourcesFile(db, { file, variables });
  for (const slug of [...outcome.created, ...outcome.updated]) touched.push((await readSourceRow(db, { slug })).id);
  return outcome;
}

describe('[operator] a data sources file loaded on start', () => {
  it('creates its sources, marked as seeded from the file, with the secret read from the named variable and stored encrypted', async () => {
    const entries = seedEntries();
    const file = writeSourcesFile(entries);

    expect(await load(file)).toEqual({ created: [entries[0]!.slug, entries[1]!.slug], updated: [], unchanged: [], madeInTheUi: [] });

    const shopRow = await readSourceRow(db, { slug: entries[0]!.slug });
    expect(shopRow).toMatchObject({
      name: 'Seeded shop',
      kind: 'postgres',
      isEnabled: false,
      usedForAccess: true,
      usedForErasure: true,
      seededFrom: file,
      version: 1,
    });
    expect(readSourceSecret(shopRow)).toBe(shop.databaseUrl);
    expect(await readSourceRow(db, { slug: entries[1]!.slug })).toMatchObject({
      kind: 'manual',
      usedForAccess: false,
      usedForErasure: true,
      secretCiphertext: null,
    });
    const [event] = await listSourceEvents(db, { sourceId: shopRow.id });
    expect(event).toMatchObject({ action: 'data_source_created', actorType: 'system', requestId: null });
    expect(JSON.stringify(event!.details)).not.toContain(shop.databaseUrl);
  });

  it('on the next start changes nothing when the file is the same, and updates what the file changed', async () => {
    const entries = seedEntries();
    const file = writeSourcesFile(entries);
    await load(file);

    expect(await load(file)).toMatchObject({ created: [], updated: [], unchanged: [entries[0]!.slug, entries[1]!.slug] });
    const shopRow = await readSourceRow(db, { slug: entries[0]!.slug });
    expect(shopRow.version).toBe(1);

    const fewerTables = { tables: demoShopMap.tables.filter((table) => table.table !== 'support_tickets') };
    const changed = seedEntries({
      shopSlug: entries[0]!.slug,
      manualSlug: entries[1]!.slug,
      shopName: 'Seeded shop, renamed',
      map: fewerTables,
    });
    expect(await load(writeSourcesFile(changed, file))).toMatchObject({ updated: [entries[0]!.slug], unchanged: [entries[1]!.slug] });

    const updated = await readSourceRow(db, { slug: entries[0]!.slug });
    expect(updated).toMatchObject({
      name: 'Seeded shop, renamed',
      version: 2,
      secretCiphertext: shopRow.secretCiphertext,
      config: { kind: 'postgres', map: fewerTables },
    });
    const events = await listSourceEvents(db, { sourceId: shopRow.id });
    expect(events.map((event) => [event.action, event.details.changes])).toEqual([
      ['data_source_created', undefined],
      ['data_source_updated', ['name', 'config']],
    ]);
  });

  it('never overwrites a source an admin made in the settings pages under the same slug', async () => {
    const admin = await createStaffMember(db, { role: 'admin' });
    const input = aWebhookSourceInput({ name: 'Made by hand' });
    await createDataSource(db, { actor: admin, input });
    const before = await readSourceRow(db, { slug: input.slug });
    touched.push(before.id);

    const outcome = await load(
      writeSourcesFile([
        {
          slug: input.slug,
          name: 'From the file',
          kind: 'webhook',
          secret: { env: 'TEST_HOOK_SECRET' },
          config: { kind: 'webhook', url: 'https://crm.example.test/jobs' },
        },
      ]),
      {
        TEST_HOOK_SECRET: 'file-secret',
      },
    );

    expect(outcome.madeInTheUi).toEqual([input.slug]);
    expect(await readSourceRow(db, { slug: input.slug })).toEqual(before);
  });

  it('stops with an error naming the file, the entry and the variable when a secret’s variable is not set', async () => {
    const entries = seedEntries();
    const file = writeSourcesFile(entries);

    await expect(load(file, {})).rejects.toThrow(
      `${file}: [0].secret.env: environment variable TEST_SHOP_URL is not set; it holds the secret of data source "${entries[0]!.slug}"`,
    );
    await expect(readSourceRow(db, { slug: entries[1]!.slug })).rejects.toThrow(/no data source/);
  });

  it('stops with an error naming the file and each bad entry’s path', async () => {
    const [shopEntry] = seedEntries();
    const file = writeSourcesFile([
      { ...shopEntry, config: { kind: 'postgres', map: { tables: [{ ...demoShopMap.tables[0], export: [] }] } } },
      { slug: 'Not A Slug', name: 'x', kind: 'manual', config: { kind: 'manual', instructions: 'x' } },
    ]);

    const error = await load(file).catch((caught: Error) => caught);
    expect(String(error)).toContain(`${file} has problems:`);
    expect(String(error)).toContain('[0].config.map.tables[0].export: List at least one column to export');
    expect(String(error)).toContain('[1].slug: Use lower-case letters');
  });

  it('stops with an error giving the path of a map name the database does not have', async () => {
    const map = {
      tables: demoShopMap.tables.map((table) =>
        table.table === 'orders' ? { ...table, export: ['id', 'totl_pence'], columns: undefined } : table,
      ),
    };
    const entries = seedEntries({ map });
    const file = writeSourcesFile(entries);

    await expect(load(file)).rejects.toThrow(
      '[0].config.map.tables[2].export[1]: Column "totl_pence" does not exist in table public.orders',
    );
  });

  it('reports JSON that does not parse with the file name', async () => {
    const file = path.join(folder, 'broken.json');
    writeFileSync(file, '[{ "slug": "shop", }]');
    await expect(load(file)).rejects.toThrow(`${file}: not valid JSON`);
  });
});

describe('db/seed/demo-data-sources.json', () => {
  it('holds the shop database and the backups checklist, and its map matches the demo shop’s tables', async () => {
    const entries = ZDataSourcesFile.parse(JSON.parse(readFileSync(path.resolve('db/seed/demo-data-sources.json'), 'utf8')));

    expect(
      entries.map(({ slug, kind, usedForAccess, usedForErasure, secret }) => ({ slug, kind, usedForAccess, usedForErasure, secret })),
    ).toEqual([
      { slug: 'shop-database', kind: 'postgres', usedForAccess: true, usedForErasure: true, secret: { env: 'DEMO_SHOP_DATABASE_URL' } },
      { slug: 'backups', kind: 'manual', usedForAccess: false, usedForErasure: true, secret: undefined },
    ]);
    expect(entries[1]!.config).toMatchObject({ instructions: expect.stringContaining('35 days') });
    await expect(
      checkDatabaseSource(shop.databaseUrl, { kind: 'postgres', map: demoShopMap }, { allowPrivateTargets: true }),
    ).resolves.toBeUndefined();
  });
});
