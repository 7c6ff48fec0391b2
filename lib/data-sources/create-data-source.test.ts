import { describe, expect, it } from 'vitest';
import { getDataSource } from '@/lib/data-sources/get-data-source';
import { listDataSources } from '@/lib/data-sources/list-data-sources';
import { readSourceSecret } from '@/lib/data-sources/read-source-secret';
import type { TPostgresMap } from '@/lib/validation/data-source';
import {
  aPostgresSourceInput,
  aWebhookSourceInput,
  listSourceEvents,
  mapWithTable,
  readSourceRow,
  useSourceCreation,
} from '@/test/support/data-sources';
import { demoShopMap, useDemoShop } from '@/test/support/demo-shop';
import { freePort } from '@/test/support/free-port';
import { refusal } from '@/test/support/request-snapshot';
import { createStaffMember } from '@/test/support/staff';
import { useTestDatabase } from '@/test/support/test-database';
import { createDataSource } from './create-data-source';

const db = useTestDatabase();
const shop = useDemoShop();
const create = useSourceCreation(db);

/** The demo map with one table changed. */
function mapWith(index: number, change: (table: TPostgresMap['tables'][number]) => TPostgresMap['tables'][number]): TPostgresMap {
  return mapWithTable(demoShopMap, index, change);
}

describe('[admin] adds a PostgreSQL source: the map is checked against the live schema', () => {
  it('refuses a misspelt column with its path in the map, and saves nothing', async () => {
    const map = mapWith(0, (table) => ({ ...table, export: ['id', 'email', 'nmae'] }));
    const input = aPostgresSourceInput({ connectionString: shop.databaseUrl, map });
    const error = await refusal(create(input));

    expect(error.code).toBe('VALIDATION');
    expect(error.details.fieldErrors).toEqual({ map: ['tables[0].export[2]: Column "nmae" does not exist in table public.customers'] });
    expect(await listDataSources(db, { actor: await createStaffMember(db, { role: 'admin' }) })).not.toContainEqual(
      expect.objectContaining({ slug: input.slug }),
    );
  });

  it('refuses a table the database does not have', async () => {
    const map: TPostgresMap = {
      tables: [
        ...demoShopMap.tables,
        { schema: 'public', table: 'invoices', match: { column: 'email', equals: 'email' }, export: ['id'], erase: { action: 'delete' } },
      ],
    };
    const error = await refusal(create(aPostgresSourceInput({ connectionString: shop.databaseUrl, map })));

    expect(error.details.fieldErrors).toEqual({
      map: ['tables[5].table: Table public.invoices does not exist in the source database (or this connection may not see it)'],
    });
  });

  it('refuses to anonymise a NOT NULL column that is not text, and a referenced column that does not exist', async () => {
    const map = mapWith(2, (table) => ({
      ...table,
      match: { column: 'customer_id', references: { table: 'customers', column: 'customer_number' } },
      erase: { action: 'anonymise', columns: ['shipping_name', 'total_pence'] },
    }));
    const error = await refusal(create(aPostgresSourceInput({ connectionString: shop.databaseUrl, map })));

    expect(error.details.fieldErrors).toEqual({
      map: [
        'tables[2].match.references.column: Column "customer_number" does not exist in table public.customers',
        'tables[2].erase.columns[1]: Column "total_pence" in public.orders is NOT NULL and not text (integer): it cannot be anonymised; delete the rows or keep it',
      ],
    });
  });

  it('saves a good map; the connection string is stored encrypted and never read back by list or get', async () => {
    const input = aPostgresSourceInput({ connectionString: shop.databaseUrl, map: demoShopMap, name: 'Shop copy' });
    const { admin, signingSecret } = await create(input);

    expect(signingSecret).toBeNull();
    const row = await readSourceRow(db, { slug: input.slug });
    expect(row).toMatchObject({
      name: 'Shop copy',
      kind: 'postgres',
      isEnabled: false,
      seededFrom: null,
      version: 1,
      config: { kind: 'postgres', map: demoShopMap },
    });
    expect(row.secretCiphertext).toMatch(/^v1\./);
    expect(row.secretCiphertext).not.toContain(shop.databaseUrl);
    expect(readSourceSecret(row)).toBe(shop.databaseUrl);
    expect(row.secretUpdatedAt).toBeInstanceOf(Date);

    const listed = (await listDataSources(db, { actor: admin })).find((source) => source.slug === input.slug);
    const fetched = await getDataSource(db, { actor: admin, slug: input.slug });
    expect(listed).toMatchObject({ hasSecret: true, secretUpdatedAt: row.secretUpdatedAt });
    expect(fetched).toMatchObject({ hasSecret: true, callbackUrl: null, config: row.config });
    for (const view of [listed, fetched]) {
      expect(JSON.stringify(view)).not.toContain(shop.databaseUrl);
      expect(JSON.stringify(view)).not.toContain(row.secretCiphertext);
      expect(view).not.toHaveProperty('secretCiphertext');
    }
  });

  it('records data_source_created with ids, name and kind: never the secret or the map', async () => {
    const input = aPostgresSourceInput({ connectionString: shop.databaseUrl, map: demoShopMap });
    const { admin } = await create(input);
    const row = await readSourceRow(db, { slug: input.slug });

    const [event] = await listSourceEvents(db, { sourceId: row.id });
    expect(event).toMatchObject({ requestId: null, actorType: 'staff', actorId: admin.staffId, action: 'data_source_created' });
    expect(event!.details).toEqual({
      sourceId: row.id,
      slug: input.slug,
      name: input.name,
      kind: 'postgres',
      isEnabled: false,
      seededFrom: null,
    });
    expect(JSON.stringify(event!.details)).not.toContain(`${new URL(shop.databaseUrl).hostname}:`);
  });

  it('reports a server that does not answer on the connection-string field, without the password', async () => {
    const connectionString = `postgres://shop_reader:Tr0ub4dor-and-3@127.0.0.1:${await freePort()}/shop`;
    const error = await refusal(create(aPostgresSourceInput({ connectionString, map: demoShopMap })));

    const [message] = (error.details.fieldErrors as { connectionString: string[] }).connectionString;
    expect(message).toMatch(/^Could not connect to 127\.0\.0\.1:\d+, database shop: .*ECONNREFUSED/);
    expect(JSON.stringify(error)).not.toContain('Tr0ub4dor-and-3');
    expect(error.message).not.toContain('Tr0ub4dor-and-3');
  });

  it('reports a database that does not exist, naming it but not the password', async () => {
    const url = new URL(shop.databaseUrl);
    url.pathname = '/no_such_shop';
    url.password = 'hunter2-secret';
    const error = await refusal(create(aPostgresSourceInput({ connectionString: url.toString(), map: demoShopMap })));

    const [message] = (error.details.fieldErrors as { connectionString: string[] }).connectionString;
    expect(message).toContain('database no_such_shop');
    expect(message).not.toContain('hunter2-secret');
  });

  it('refuses a slug another source already has, on the slug field', async () => {
    const first = aWebhookSourceInput();
    await create(first);
    const error = await refusal(create(aWebhookSourceInput({ slug: first.slug })));

    expect(error.details.fieldErrors).toEqual({ slug: ['Another data source already uses this slug; choose another'] });
  });
});

describe('[admin] adds a webhook source', () => {
  it('gets a random signing secret once; only its ciphertext is stored, and get shows the callback URL', async () => {
    const input = aWebhookSourceInput();
    const { admin, signingSecret } = await create(input);
    const second = await create(aWebhookSourceInput());

    expect(signingSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(second.signingSecret).not.toBe(signingSecret);
    const row = await readSourceRow(db, { slug: input.slug });
    expect(row.secretCiphertext).not.toContain(signingSecret);
    expect(readSourceSecret(row)).toBe(signingSecret);
    const view = await getDataSource(db, { actor: admin, slug: input.slug });
    expect(view).toMatchObject({ hasSecret: true, callbackUrl: `http://localhost:3999/api/callbacks/${input.slug}` });
    expect(JSON.stringify(view)).not.toContain(signingSecret!);
  });
});

describe('[agent] and [auditor] may not manage data sources', () => {
  for (const role of ['agent', 'auditor'] as const) {
    it(`[${role}] is refused listing, reading and adding sources (FORBIDDEN)`, async () => {
      const actor = await createStaffMember(db, { role: role });
      const input = aWebhookSourceInput();

      expect((await refusal(listDataSources(db, { actor }))).code).toBe('FORBIDDEN');
      expect((await refusal(getDataSource(db, { actor, slug: 'shop-database' }))).code).toBe('FORBIDDEN');
      expect((await refusal(createDataSource(db, { actor, input }))).code).toBe('FORBIDDEN');
      expect(await getDataSource(db, { actor: await createStaffMember(db, { role: 'admin' }), slug: input.slug })).toBeNull();
    });
  }
});
