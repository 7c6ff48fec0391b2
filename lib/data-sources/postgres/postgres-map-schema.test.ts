import { describe, expect, it } from 'vitest';
import { type TPostgresMap, ZPostgresMap } from '@/lib/validation/data-source';

const shopMap = {
  tables: [
    {
      table: 'customers',
      match: { column: 'email', equals: 'email' },
      export: ['id', 'email'],
      erase: { action: 'anonymise', columns: ['email'] },
    },
    {
      table: 'orders',
      match: { column: 'customer_id', references: { table: 'customers', column: 'id' } },
      export: ['id'],
      erase: { action: 'keep', reason: 'Tax records' },
    },
    {
      table: 'order_lines',
      match: { column: 'order_id', references: { table: 'orders', column: 'id' } },
      export: ['id'],
      erase: { action: 'delete' },
    },
  ],
};

function issues(input: unknown): { path: string; message: string }[] {
  const result = ZPostgresMap.safeParse(input);
  expect(result.success).toBe(false);
  return (result.error?.issues ?? []).map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}

describe('the PostgreSQL source map', () => {
  it('accepts a map of tables matched directly and through references, defaulting the schema to public', () => {
    const map: TPostgresMap = ZPostgresMap.parse(shopMap);
    expect(map.tables.map((table) => table.schema)).toEqual(['public', 'public', 'public']);
  });

  it('refuses names that are not plain identifiers, so nothing but a checked name reaches SQL', () => {
    const injected = structuredClone(shopMap);
    injected.tables[0].export = ['id', 'email; drop table customers'];
    injected.tables[1].table = 'orders"--';
    const paths = issues(injected).map((issue) => issue.path);
    expect(paths).toContain('tables.0.export.1');
    expect(paths).toContain('tables.1.table');
  });

  it('refuses a reference to a table the map does not contain, naming the field', () => {
    const broken = structuredClone(shopMap);
    broken.tables[1].match = { column: 'customer_id', references: { table: 'clients', column: 'id' } };
    expect(issues(broken)).toEqual([
      { path: 'tables.1.match.references.table', message: 'clients is not in the map: map the table it references too' },
    ]);
  });

  it('refuses tables that reference each other in a loop (the subject could never be found)', () => {
    const loop = structuredClone(shopMap);
    loop.tables[0].match = { column: 'last_order_id', references: { table: 'order_lines', column: 'id' } } as never;
    expect(issues(loop)[0].message).toMatch(/loop: customers → order_lines → orders → customers/);
  });

  it('refuses a table mapped twice, an empty export list, anonymise without columns and keep without a reason', () => {
    const bad = structuredClone(shopMap) as { tables: Record<string, unknown>[] };
    bad.tables.push({ ...bad.tables[0] });
    bad.tables[1] = { ...bad.tables[1], export: [], erase: { action: 'keep', reason: ' ' } };
    bad.tables[2] = { ...bad.tables[2], erase: { action: 'anonymise', columns: [] } };
    expect(
      issues(bad)
        .map((issue) => issue.path)
        .sort(),
    ).toEqual(['tables.1.erase.reason', 'tables.1.export', 'tables.2.erase.columns', 'tables.3.table']);
  });

  it('refuses an unknown erase action and unknown fields', () => {
    const bad = structuredClone(shopMap) as { tables: Record<string, unknown>[] };
    bad.tables[0] = { ...bad.tables[0], erase: { action: 'truncate' } };
    bad.tables[1] = { ...bad.tables[1], where: '1=1' };
    const paths = issues(bad).map((issue) => issue.path);
    expect(paths).toContain('tables.0.erase.action');
    expect(paths).toContain('tables.1');
  });
});
