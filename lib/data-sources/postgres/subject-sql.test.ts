import postgres, { type Sql } from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TPostgresMap, TTableMap } from '@/lib/validation/data-source';
import { type ProvisionedDatabase, provisionPostgres } from '@/test/support/provision-postgres';
import { erasureOrder, findMappedTable, qualifiedName, subjectCondition, subjectParameters } from './subject-sql';

const table = (name: string, match: TTableMap['match'], schema = 'public'): TTableMap => ({
  schema,
  table: name,
  match,
  export: ['id'],
  erase: { action: 'delete' },
});

/** Parents listed after their children on purpose: erasure must not follow the map's order. */
const shopMap: TPostgresMap = {
  tables: [
    table('Order Lines', { column: 'order_id', references: { table: 'orders', column: 'id' } }),
    table('customers', { column: 'email', equals: 'email' }),
    table('orders', { column: 'customer_id', references: { table: 'customers', column: 'id' } }),
    table('newsletter', { column: 'email', equals: 'email' }),
    table('accounts', { column: 'account_no', equals: 'account_identifier' }, 'billing'),
    table('hostile', { column: 'mail" or 1=1 --', equals: 'email' }),
  ],
};

const subject = { email: '  Ada.Lovelace@Example.COM ', accountIdentifier: ' C-42 ' };

let database: ProvisionedDatabase;
let sql: Sql;

/**
 * A small shop with foreign keys: the subject (customer 1, stored with other capitals)
 * and a neighbour (customer 2) with orders, order lines, newsletter rows and accounts.
 */
beforeAll(async () => {
  database = await provisionPostgres('subject_sql');
  sql = postgres(database.databaseUrl, { max: 2, onnotice: () => {} });
  await sql.unsafe(`
    create table customers (id int primary key, email text not null);
    create table orders (id int primary key, customer_id int not null references customers (id));
    create table "Order Lines" (id int primary key, order_id int not null references orders (id));
    create table newsletter (id int primary key, email varchar(200));
    create schema billing;
    create table billing.accounts (id int primary key, account_no text);
    create table hostile (id int primary key, "mail"" or 1=1 --" text);
    insert into customers values (1, 'ADA.lovelace@example.com'), (2, 'mary@example.com');
    insert into orders values (10, 1), (11, 1), (20, 2);
    insert into "Order Lines" values (100, 10), (101, 11), (102, 11), (200, 20);
    insert into newsletter values (1, 'ada.lovelace@EXAMPLE.com'), (2, 'mary@example.com'), (3, null);
    insert into billing.accounts values (1, 'C-42'), (2, 'c-42'), (3, 'C-43'), (4, null);
    insert into hostile values (1, 'ada.lovelace@example.com'), (2, 'mary@example.com');
  `);
});

afterAll(async () => {
  await sql?.end({ timeout: 5 });
  await database?.stop();
});

/** The ids of `name`'s rows the subject's condition selects, run on PostgreSQL as the readers and erasers run it. */
async function subjectIds(name: string, who: { email: string; accountIdentifier: string | null } = subject): Promise<number[]> {
  const mapped = findMappedTable(shopMap, name);
  const rows = await sql.unsafe<{ id: number }[]>(
    `select id from ${qualifiedName(mapped)} where ${subjectCondition(shopMap, mapped)} order by id`,
    subjectParameters(sql, who),
  );
  return rows.map((row) => row.id);
}

describe('subject SQL against PostgreSQL', () => {
  it('matches an email column case-insensitively, the subject’s email trimmed, and never the neighbour’s', async () => {
    expect(await subjectIds('customers')).toEqual([1]);
    expect(await subjectIds('newsletter')).toEqual([1]);
  });

  it('matches an account identifier exactly (trimmed, same case), in another schema', async () => {
    expect(await subjectIds('accounts')).toEqual([1]);
  });

  it('matches no row by account identifier when the subject gave none (a null never matches)', async () => {
    expect(await subjectIds('accounts', { email: subject.email, accountIdentifier: '   ' })).toEqual([]);
  });

  it('follows references up to the table matched directly: only the subject’s orders and their lines', async () => {
    expect(await subjectIds('orders')).toEqual([10, 11]);
    expect(await subjectIds('Order Lines')).toEqual([100, 101, 102]);
  });

  it('treats a hostile column name from the map as a name: the condition selects the subject’s row only', async () => {
    expect(await subjectIds('hostile')).toEqual([1]);
  });

  it('needs no type for an unused account-identifier parameter (both parameters are typed as text)', async () => {
    await expect(subjectIds('customers', { email: subject.email, accountIdentifier: null })).resolves.toEqual([1]);
  });
});

describe('erasureOrder', () => {
  it('deletes the subject’s rows in an order the foreign keys accept, children before parents, leaving the neighbour whole', async () => {
    // Rolled back at the end, so the next test finds the subject's rows again.
    const rollBack = new Error('roll back');
    const erasing = sql.begin(async (tx) => {
      for (const mapped of erasureOrder(shopMap)) {
        await tx.unsafe(`delete from ${qualifiedName(mapped)} where ${subjectCondition(shopMap, mapped)}`, subjectParameters(tx, subject));
      }
      const [left] = await tx.unsafe<{ customers: number; orders: number; lines: number }[]>(
        `select (select count(*)::int from customers) as customers, (select count(*)::int from orders) as orders, (select count(*)::int from "Order Lines") as lines`,
      );
      expect(left).toEqual({ customers: 1, orders: 1, lines: 1 });
      throw rollBack;
    });

    await expect(erasing).rejects.toBe(rollBack);
  });

  it('is needed: the map’s own order breaks a foreign key', async () => {
    const inMapOrder = sql.begin(async (tx) => {
      for (const mapped of ['customers', 'orders', 'Order Lines'].map((name) => findMappedTable(shopMap, name))) {
        await tx.unsafe(`delete from ${qualifiedName(mapped)} where ${subjectCondition(shopMap, mapped)}`, subjectParameters(tx, subject));
      }
    });

    await expect(inMapOrder).rejects.toMatchObject({ code: '23503' });
  });

  it('leaves the map itself in its written order', () => {
    erasureOrder(shopMap);
    expect(shopMap.tables.map((mapped) => mapped.table)).toEqual([
      'Order Lines',
      'customers',
      'orders',
      'newsletter',
      'accounts',
      'hostile',
    ]);
  });
});
