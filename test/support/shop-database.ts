import { randomUUID } from 'node:crypto';
import postgres, { type Sql } from 'postgres';
import type { Database } from '@/db/client';
import { type DataSourceRow, dataSources } from '@/db/schema';
import { encryptSourceSecret } from '@/lib/data-sources/read-source-secret';
import type { TPostgresMap } from '@/lib/validation/data-source';
import { provisionPostgres } from './provision-postgres';

/**
 * A made-up shop's database for fulfilment tests and the package bench, with the
 * demo shop's tables (see the fulfilment brief) and the demo map. Until the shared
 * demo-shop helper lands, tests that gather data build this one.
 */
const shopTables = `
create table customers (id bigserial primary key, email text not null unique, full_name text not null, phone text, created_at timestamptz not null default now());
create table addresses (id bigserial primary key, customer_id bigint not null references customers(id), line1 text not null, city text not null, postcode text not null, country text not null);
create table orders (id bigserial primary key, customer_id bigint not null references customers(id), placed_at timestamptz not null, total_pence integer not null, status text not null, shipping_name text, shipping_address text);
create index orders_by_customer on orders (customer_id);
create table newsletter_subscriptions (id bigserial primary key, email text not null, subscribed_at timestamptz not null, topic text not null);
create table support_tickets (id bigserial primary key, customer_id bigint not null references customers(id), subject text not null, body text not null, opened_at timestamptz not null, status text not null);
`;

export const shopMap: TPostgresMap = {
  tables: [
    { schema: 'public', table: 'customers', match: { column: 'email', equals: 'email' }, export: ['id', 'email', 'full_name', 'phone', 'created_at'], erase: { action: 'anonymise', columns: ['email', 'full_name', 'phone'] } },
    { schema: 'public', table: 'addresses', match: { column: 'customer_id', references: { table: 'customers', column: 'id' } }, export: ['id', 'line1', 'city', 'postcode', 'country'], erase: { action: 'delete' } },
    {
      schema: 'public',
      table: 'orders',
      match: { column: 'customer_id', references: { table: 'customers', column: 'id' } },
      export: ['id', 'placed_at', 'total_pence', 'status', 'shipping_name', 'shipping_address'],
      erase: { action: 'anonymise', columns: ['shipping_name', 'shipping_address'] },
    },
    { schema: 'public', table: 'newsletter_subscriptions', match: { column: 'email', equals: 'email' }, export: ['id', 'email', 'subscribed_at', 'topic'], erase: { action: 'delete' } },
    { schema: 'public', table: 'support_tickets', match: { column: 'customer_id', references: { table: 'customers', column: 'id' } }, export: ['id', 'subject', 'body', 'opened_at', 'status'], erase: { action: 'delete' } },
  ],
};

export type ShopDatabase = { url: string; sql: Sql; stop: () => Promise<void> };

/** A fresh shop database on the test server, with its tables and no rows. */
export async function createShopDatabase(label = 'shop'): Promise<ShopDatabase> {
  const database = await provisionPostgres(label);
  const sql = postgres(database.databaseUrl, { max: 2, onnotice: () => {} });
  await sql.unsafe(shopTables);
  return {
    url: database.databaseUrl,
    sql,
    stop: async () => {
      await sql.end({ timeout: 5 });
      await database.stop();
    },
  };
}

export type ShopCustomer = { customerId: string; email: string; fullName: string };

/** One customer with rows in every table; `orders` many orders are written in one statement. */
export async function seedShopCustomer(sql: Sql, { email, fullName, orders = 3 }: { email: string; fullName: string; orders?: number }): Promise<ShopCustomer> {
  const [{ id }] = await sql<{ id: string }[]>`insert into customers (email, full_name, phone) values (${email}, ${fullName}, ${`+44 7700 ${randomUUID().slice(0, 6)}`}) returning id`;
  await sql`insert into addresses (customer_id, line1, city, postcode, country) values (${id}, ${`1 ${fullName} Street`}, 'Leeds', 'LS1 1AA', 'GB'), (${id}, ${`2 ${fullName} Road`}, 'York, "old town"', 'YO1 7HH', 'GB')`;
  await sql`
    insert into orders (customer_id, placed_at, total_pence, status, shipping_name, shipping_address)
    select ${id}, timestamptz '2025-01-01 00:00:00+00' + make_interval(mins => g), 1000 + g % 5000, 'shipped', ${fullName}, ${`1 ${fullName} Street, Leeds`}
    from generate_series(1, ${orders}::int) as g`;
  await sql`insert into newsletter_subscriptions (email, subscribed_at, topic) values (${email.toUpperCase()}, now(), 'offers')`;
  await sql`insert into support_tickets (customer_id, subject, body, opened_at, status) values (${id}, 'Late parcel', ${`Hello, this is ${fullName}; my parcel is late.\nThanks`}, now(), 'closed')`;
  return { customerId: id, email, fullName };
}

/** Many other customers at once (`neighbour-<n>@example.test`), each with addresses, orders and a ticket: the rows a subject's export must never include. */
export async function seedShopNeighbours(sql: Sql, { count, ordersEach }: { count: number; ordersEach: number }): Promise<void> {
  await sql.begin(async (transaction) => {
    await transaction`
      insert into customers (email, full_name, phone)
      select 'neighbour-' || g || '@example.test', 'Neighbour ' || g, '+44 7700 ' || lpad(g::text, 6, '0') from generate_series(1, ${count}::int) as g`;
    await transaction`
      insert into addresses (customer_id, line1, city, postcode, country)
      select id, full_name || ' Street', 'Leeds', 'LS1 1AA', 'GB' from customers where email like 'neighbour-%'`;
    await transaction`
      insert into orders (customer_id, placed_at, total_pence, status, shipping_name, shipping_address)
      select c.id, timestamptz '2025-01-01 00:00:00+00' + make_interval(mins => g), 1000 + g, 'shipped', c.full_name, c.full_name || ' Street, Leeds'
      from customers c cross join generate_series(1, ${ordersEach}::int) as g where c.email like 'neighbour-%'`;
    await transaction`
      insert into support_tickets (customer_id, subject, body, opened_at, status)
      select id, 'Question', 'From ' || full_name, now(), 'open' from customers where email like 'neighbour-%'`;
  });
}

/** A PostgreSQL data source over the shop, its connection string encrypted as the admin form stores it. */
export async function createShopSource(db: Database, { url, isEnabled = false, name = 'Shop database' }: { url: string; isEnabled?: boolean; name?: string }): Promise<DataSourceRow> {
  const [source] = await db
    .insert(dataSources)
    .values({
      slug: `shop-${randomUUID().slice(0, 8)}`,
      name,
      kind: 'postgres',
      isEnabled,
      usedForAccess: true,
      usedForErasure: true,
      config: { kind: 'postgres', map: shopMap },
      secretCiphertext: encryptSourceSecret('postgres', url),
      secretUpdatedAt: new Date(),
    })
    .returning();
  return source!;
}
