import { randomUUID } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import postgres, { type Sql } from 'postgres';
import { afterAll, beforeAll } from 'vitest';
import type { Database } from '@/db/client';
import { type DataSourceRow, dataSources } from '@/db/schema';
import { encryptSourceSecret } from '@/lib/data-sources/read-source-secret';
import type { TPostgresMap } from '@/lib/validation/data-source';
import { provisionPostgres } from './provision-postgres';

/**
 * A source database for erasure tests, with the demo shop's table shapes (see the
 * fulfilment brief), made by the test on the run's PostgreSQL server and dropped after.
 */
export type ShopDatabase = { url: string; sql: Sql; stop: () => Promise<void> };

export async function createShopDatabase(): Promise<ShopDatabase> {
  const database = await provisionPostgres('shop');
  const sql = postgres(database.databaseUrl, { max: 2, onnotice: () => {} });
  await sql.unsafe(`
    create table customers (id bigserial primary key, email text not null unique, full_name text not null, phone text, created_at timestamptz not null default now());
    create table addresses (id bigserial primary key, customer_id bigint not null references customers(id), line1 text not null, city text not null, postcode text not null, country text not null);
    create table orders (id bigserial primary key, customer_id bigint not null references customers(id), placed_at timestamptz not null, total_pence integer not null, status text not null, shipping_name text, shipping_address text);
    create table newsletter_subscriptions (id bigserial primary key, email text not null, subscribed_at timestamptz not null, topic text not null);
    create table support_tickets (id bigserial primary key, customer_id bigint not null references customers(id), subject text not null, body text not null, opened_at timestamptz not null, status text not null);
  `);
  return {
    url: database.databaseUrl,
    sql,
    stop: async () => {
      await sql.end({ timeout: 5 });
      await database.stop();
    },
  };
}

/** The demo shop's map: customers anonymised, orders kept for accounting but anonymised, the rest deleted. */
export const shopMap: TPostgresMap = {
  tables: [
    { schema: 'public', table: 'customers', match: { column: 'email', equals: 'email' }, export: ['id', 'email', 'full_name', 'phone', 'created_at'], erase: { action: 'anonymise', columns: ['email', 'full_name', 'phone'] } },
    { schema: 'public', table: 'addresses', match: { column: 'customer_id', references: { table: 'customers', column: 'id' } }, export: ['line1', 'city', 'postcode', 'country'], erase: { action: 'delete' } },
    {
      schema: 'public',
      table: 'orders',
      match: { column: 'customer_id', references: { table: 'customers', column: 'id' } },
      export: ['id', 'placed_at', 'total_pence', 'status', 'shipping_name', 'shipping_address'],
      erase: { action: 'anonymise', columns: ['shipping_name', 'shipping_address'] },
    },
    { schema: 'public', table: 'newsletter_subscriptions', match: { column: 'email', equals: 'email' }, export: ['email', 'subscribed_at', 'topic'], erase: { action: 'delete' } },
    { schema: 'public', table: 'support_tickets', match: { column: 'customer_id', references: { table: 'customers', column: 'id' } }, export: ['subject', 'body', 'opened_at', 'status'], erase: { action: 'delete' } },
  ],
};

/** A shop customer with 2 addresses, 3 orders, 1 newsletter subscription and 2 support tickets. */
export async function seedShopCustomer(sql: Sql, { email, fullName }: { email: string; fullName: string }): Promise<{ customerId: string }> {
  const [customer] = await sql<{ id: string }[]>`insert into customers (email, full_name, phone) values (${email}, ${fullName}, '+44 7700 900123') returning id`;
  const customerId = customer!.id;
  await sql`insert into addresses (customer_id, line1, city, postcode, country) values (${customerId}, '1 High Street', 'Bath', 'BA1 1AA', 'GB'), (${customerId}, '2 Low Road', 'Leeds', 'LS1 1AA', 'GB')`;
  await sql`insert into orders (customer_id, placed_at, total_pence, status, shipping_name, shipping_address) values
    (${customerId}, '2025-01-02T10:00:00Z', 1999, 'shipped', ${fullName}, '1 High Street, Bath'),
    (${customerId}, '2025-02-03T10:00:00Z', 4550, 'shipped', ${fullName}, '1 High Street, Bath'),
    (${customerId}, '2025-03-04T10:00:00Z', 1200, 'refunded', ${fullName}, '2 Low Road, Leeds')`;
  await sql`insert into newsletter_subscriptions (email, subscribed_at, topic) values (${email.toLowerCase()}, '2024-06-01T09:00:00Z', 'offers')`;
  await sql`insert into support_tickets (customer_id, subject, body, opened_at, status) values
    (${customerId}, 'Where is my parcel?', ${`Hello, this is ${fullName}.`}, '2025-01-05T08:00:00Z', 'closed'),
    (${customerId}, 'Refund', 'Please refund order 3.', '2025-03-05T08:00:00Z', 'open')`;
  return { customerId };
}

/** Every row of the shop that belongs to a customer, as JSON text: compared before and after to prove nothing changed. */
export async function customerFootprint(sql: Sql, { customerId, email }: { customerId: string; email: string }): Promise<string[]> {
  const rows = await sql<{ row: string }[]>`
    select to_jsonb(c)::text as row from customers c where id = ${customerId}
    union all select * from (select to_jsonb(a)::text from addresses a where customer_id = ${customerId} order by id) addresses
    union all select * from (select to_jsonb(o)::text from orders o where customer_id = ${customerId} order by id) orders
    union all select * from (select to_jsonb(n)::text from newsletter_subscriptions n where lower(email) = lower(${email}) order by id) subscriptions
    union all select * from (select to_jsonb(t)::text from support_tickets t where customer_id = ${customerId} order by id) tickets`;
  return rows.map((row) => row.row);
}

/** Every row of every shop table, to show a dry run changed nothing. */
export async function shopFingerprint(sql: Sql): Promise<Record<string, string | null>> {
  const tables = ['customers', 'addresses', 'orders', 'newsletter_subscriptions', 'support_tickets'];
  const fingerprint: Record<string, string | null> = {};
  for (const table of tables) {
    const [row] = await sql.unsafe<{ digest: string | null }[]>(`select md5(string_agg(to_jsonb(t)::text, ',' order by id)) as digest from ${table} t`);
    fingerprint[table] = row!.digest;
  }
  return fingerprint;
}

/**
 * Sources made by a test file: created disabled (startFulfilmentRun uses every enabled
 * source, and other files must not see them) and enabled only for the test that needs
 * them. Sources other files or the seed left enabled are switched off for this file
 * and back on after it, so a run here touches only this file's sources.
 */
export function useTestSources(db: Database) {
  const created: string[] = [];
  let othersEnabled: string[] = [];
  beforeAll(async () => {
    const enabled = await db.update(dataSources).set({ isEnabled: false }).where(eq(dataSources.isEnabled, true)).returning({ id: dataSources.id });
    othersEnabled = enabled.map((source) => source.id);
  });
  afterAll(async () => {
    if (created.length > 0) await db.update(dataSources).set({ isEnabled: false }).where(inArray(dataSources.id, created));
    if (othersEnabled.length > 0) await db.update(dataSources).set({ isEnabled: true }).where(inArray(dataSources.id, othersEnabled));
  });
  return {
    async createPostgresSource({ url, map, name = `Test source ${randomUUID().slice(0, 8)}` }: { url: string; map: TPostgresMap; name?: string }): Promise<DataSourceRow> {
      const [source] = await db
        .insert(dataSources)
        .values({
          slug: `test-${randomUUID().slice(0, 12)}`,
          name,
          kind: 'postgres',
          isEnabled: false,
          config: { kind: 'postgres', map },
          secretCiphertext: encryptSourceSecret('postgres', url),
          secretUpdatedAt: new Date(),
        })
        .returning();
      created.push(source!.id);
      return source!;
    },
    async createManualSource({ name = `Test checklist ${randomUUID().slice(0, 8)}` }: { name?: string } = {}): Promise<DataSourceRow> {
      const [source] = await db
        .insert(dataSources)
        .values({ slug: `test-${randomUUID().slice(0, 12)}`, name, kind: 'manual', isEnabled: false, usedForAccess: false, config: { kind: 'manual', instructions: 'Check the backups roll off within 35 days.' } })
        .returning();
      created.push(source!.id);
      return source!;
    },
    /** Enables exactly these sources. */
    async enableOnly(sources: DataSourceRow[]): Promise<void> {
      if (created.length > 0) await db.update(dataSources).set({ isEnabled: false }).where(inArray(dataSources.id, created));
      if (sources.length > 0) await db.update(dataSources).set({ isEnabled: true }).where(inArray(dataSources.id, sources.map((source) => source.id)));
    },
  };
}
