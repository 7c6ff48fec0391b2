import { describe, expect, it } from 'vitest';
import { demoCrmMap, useDemoCrm } from '@/test/support/demo-crm';
import { useDemoShop } from '@/test/support/demo-shop';
import { readSourceCatalog } from './read-source-catalog';

const shop = useDemoShop();
const crm = useDemoCrm();
const network = { allowPrivateTargets: true };

describe('the map picker lists what the source database holds', () => {
  it('PostgreSQL: the tables of public without a schema, their columns in order, no system tables', async () => {
    await shop.sql`create schema if not exists billing`;
    await shop.sql`create table if not exists billing.invoices (id serial primary key, customer_id int, amount_pence int)`;

    const catalog = await readSourceCatalog(shop.databaseUrl, 'postgres', network);

    const customers = catalog.tables.find((table) => table.table === 'customers');
    expect(customers).toMatchObject({ schema: null });
    expect(customers!.columns.slice(0, 3)).toEqual(['id', 'email', 'full_name']);
    expect(catalog.tables).toContainEqual({ schema: 'billing', table: 'invoices', columns: ['id', 'customer_id', 'amount_pence'] });
    expect(catalog.tables.some((table) => table.schema === 'pg_catalog' || table.schema === 'information_schema')).toBe(false);
    // public's tables come first.
    expect(catalog.tables[0]!.schema).toBeNull();
    expect(catalog.isCut).toBe(false);
  });

  it('MySQL/MariaDB: the tables of the connection’s database', async () => {
    const catalog = await readSourceCatalog(crm.databaseUrl, 'mysql', network);
    for (const mapped of demoCrmMap.tables) {
      const found = catalog.tables.find((table) => table.table === mapped.table);
      expect(found?.schema).toBeNull();
      expect(found?.columns).toEqual(expect.arrayContaining(mapped.export));
    }
  });
});
