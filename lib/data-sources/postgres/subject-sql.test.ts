import type { Sql } from 'postgres';
import { describe, expect, it } from 'vitest';
import type { TPostgresMap, TTableMap } from '@/lib/validation/data-source';
import { erasureOrder, findMappedTable, qualifiedName, quoteIdentifier, subjectCondition, subjectParameters } from './subject-sql';

const table = (name: string, match: TTableMap['match'], schema = 'public'): TTableMap => ({ schema, table: name, match, export: ['id'], erase: { action: 'delete' } });

/** Parents listed after their children on purpose: erasure must not follow the map's order. */
const shopMap: TPostgresMap = {
  tables: [
    table('order_lines', { column: 'order_id', references: { table: 'orders', column: 'id' } }),
    table('customers', { column: 'email', equals: 'email' }),
    table('orders', { column: 'customer_id', references: { table: 'customers', column: 'id' } }),
    table('newsletter', { column: 'email', equals: 'email' }),
    table('accounts', { column: 'account_no', equals: 'account_identifier' }),
  ],
};

describe('quoteIdentifier', () => {
  it('double-quotes a name and doubles any quote inside it, so a name can never end the identifier early', () => {
    expect(quoteIdentifier('customers')).toBe('"customers"');
    expect(quoteIdentifier('Order Lines')).toBe('"Order Lines"');
    expect(quoteIdentifier('x"; drop table customers; --')).toBe('"x""; drop table customers; --"');
  });

  it('qualifies a table with its schema, both quoted', () => {
    expect(qualifiedName({ schema: 'billing', table: 'invoices' })).toBe('"billing"."invoices"');
  });
});

describe('subjectCondition', () => {
  it('matches an email column case-insensitively against $1', () => {
    expect(subjectCondition(shopMap, findMappedTable(shopMap, 'customers'))).toBe('lower("email"::text) = $1');
  });

  it('matches an account identifier exactly against $2', () => {
    expect(subjectCondition(shopMap, findMappedTable(shopMap, 'accounts'))).toBe('"account_no"::text = $2::text');
  });

  it('follows references up to the table matched directly, quoting every name on the way', () => {
    expect(subjectCondition(shopMap, findMappedTable(shopMap, 'order_lines'))).toBe(
      '"order_id" in (select "id" from "public"."orders" where "customer_id" in (select "id" from "public"."customers" where lower("email"::text) = $1))',
    );
  });

  it('quotes hostile names from the map instead of pasting them into the SQL', () => {
    const hostile: TPostgresMap = { tables: [table('people', { column: 'mail" or 1=1 --', equals: 'email' })] };
    expect(subjectCondition(hostile, hostile.tables[0]!)).toBe('lower("mail"" or 1=1 --"::text) = $1');
  });
});

describe('subjectParameters', () => {
  it('passes the email trimmed and lower-cased, and a blank account identifier as null (which matches nothing)', () => {
    // sql.typed only wraps a value with its type (text, OID 25), so an unused $2 still has a type.
    const typing = { typed: (value: unknown, type: number) => ({ value, type }) } as unknown as Pick<Sql, 'typed'>;
    expect(subjectParameters(typing, { email: '  Ada.Lovelace@Example.COM ', accountIdentifier: '  ' })).toEqual([
      { value: 'ada.lovelace@example.com', type: 25 },
      { value: null, type: 25 },
    ]);
    expect(subjectParameters(typing, { email: 'a@b.test', accountIdentifier: ' C-42 ' })).toEqual([
      { value: 'a@b.test', type: 25 },
      { value: 'C-42', type: 25 },
    ]);
  });
});

describe('erasureOrder', () => {
  it('visits children before the parents their rows are found through', () => {
    const order = erasureOrder(shopMap).map((mapped) => mapped.table);
    expect(order.indexOf('order_lines')).toBeLessThan(order.indexOf('orders'));
    expect(order.indexOf('orders')).toBeLessThan(order.indexOf('customers'));
    expect(order).toHaveLength(shopMap.tables.length);
  });

  it('leaves the map itself in its written order', () => {
    erasureOrder(shopMap);
    expect(shopMap.tables.map((mapped) => mapped.table)).toEqual(['order_lines', 'customers', 'orders', 'newsletter', 'accounts']);
  });
});
