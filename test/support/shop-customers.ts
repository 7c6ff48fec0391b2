import { randomUUID } from 'node:crypto';
import type { Sql } from 'postgres';
import type { DemoPerson } from '../../db/seed/demo-shop/demo-people';
import { insertDemoPerson } from '../../db/seed/demo-shop/seed-demo-shop';

/**
 * People of one's own in a demo shop database, for vitest and Playwright alike
 * (no test runner imported here). Each gets a unique email, so tests sharing a
 * shop never find each other's rows.
 */
export type ShopCustomerOptions = {
  email?: string;
  fullName?: string;
  addresses?: number;
  orders?: number;
  newsletterTopics?: string[];
  /** The email the newsletter rows are under (the table is keyed by email, so one person may have signed up with other capitals); defaults to `email`. */
  newsletterEmail?: string;
  tickets?: number;
  /** Every address's city; awkward values (a comma, quotes) show that exports quote them. */
  city?: string;
  /** Every ticket's body; a line break shows that a CSV cell can span lines. */
  ticketBody?: string;
};

export type ShopCustomer = { customerId: number; email: string; fullName: string };

export function uniqueShopEmail(label = 'shopper'): string {
  return `${label}-${randomUUID()}@example.test`;
}

/** A made-up customer with the rows asked for; orders ship to their first address. */
export function aShopPerson({
  email = uniqueShopEmail(),
  fullName = 'Test Shopper',
  addresses = 1,
  orders = 2,
  newsletterTopics = ['offers'],
  newsletterEmail = email,
  tickets = 1,
  city = 'Testington',
  ticketBody = 'Where is my parcel?',
}: ShopCustomerOptions = {}): DemoPerson {
  const homes = Array.from({ length: Math.max(addresses, 1) }, (_, index) => ({
    line1: `${index + 1} Test Street`,
    city,
    postcode: 'TE5 7ST',
    country: 'GB',
  }));
  return {
    email,
    fullName,
    phone: '+44 7700 900123',
    createdAt: '2024-02-01T10:00:00Z',
    addresses: homes.slice(0, addresses),
    orders: Array.from({ length: orders }, (_, index) => ({
      placedAt: new Date(Date.UTC(2024, 2, 1 + (index % 28), 12) + Math.floor(index / 28) * 1000).toISOString(),
      totalPence: 1000 + index,
      status: 'delivered',
      shippingName: fullName,
      shippingAddress: `${homes[0]!.line1}, ${homes[0]!.city} ${homes[0]!.postcode}`,
    })),
    newsletterTopics: newsletterTopics.map((topic) => ({ email: newsletterEmail, topic, subscribedAt: '2024-02-01T10:05:00Z' })),
    tickets: Array.from({ length: tickets }, (_, index) => ({
      subject: `Question ${index + 1}`,
      body: ticketBody,
      openedAt: '2024-03-05T09:00:00Z',
      status: 'open',
    })),
  };
}

/** Inserts the customer and their rows; orders go in with one generate_series statement, so 200,000 of them take seconds. */
export async function insertShopCustomer(sql: Sql, options: ShopCustomerOptions = {}): Promise<ShopCustomer> {
  const person = aShopPerson({ ...options, orders: 0 });
  const customerId = await insertDemoPerson(sql, person);
  const orders = options.orders ?? 2;
  if (orders > 0) {
    const shipTo = person.addresses[0] ? `${person.addresses[0].line1}, ${person.addresses[0].city} ${person.addresses[0].postcode}` : null;
    await addShopOrders(sql, { customerId, count: orders, shippingName: person.fullName, shippingAddress: shipTo });
  }
  return { customerId, email: person.email, fullName: person.fullName };
}

/** `count` more delivered orders for a customer, a minute apart from 1 March 2024, totals 1000, 1001, … pence. */
export async function addShopOrders(
  sql: Sql,
  {
    customerId,
    count,
    shippingName,
    shippingAddress,
  }: { customerId: number; count: number; shippingName: string | null; shippingAddress: string | null },
): Promise<void> {
  await sql`
    insert into orders (customer_id, placed_at, total_pence, status, shipping_name, shipping_address)
    select ${customerId}, timestamptz '2024-03-01 12:00:00+00' + n * interval '1 minute', 1000 + n, 'delivered', ${shippingName}, ${shippingAddress}
    from generate_series(0, ${count}::int - 1) as n`;
}

/**
 * Many other customers at once (`neighbour-<batch>-<n>@example.test`), each with an address,
 * `ordersEach` orders and a ticket: the rows a subject's export must never include. One
 * statement, so 10,000 of them with 200,000 orders take seconds.
 */
export async function insertShopNeighbours(sql: Sql, { count, ordersEach }: { count: number; ordersEach: number }): Promise<void> {
  const batch = randomUUID().slice(0, 8);
  await sql`
    with neighbours as (
      insert into customers (email, full_name, phone)
      select 'neighbour-' || ${batch}::text || '-' || n || '@example.test', 'Neighbour ' || n, '+44 7700 ' || lpad(n::text, 6, '0')
      from generate_series(1, ${count}::int) as n
      returning id, full_name
    ), homes as (
      insert into addresses (customer_id, line1, city, postcode, country)
      select id, full_name || ' Street', 'Leeds', 'LS1 1AA', 'GB' from neighbours
    ), tickets as (
      insert into support_tickets (customer_id, subject, body, opened_at, status)
      select id, 'Question', 'From ' || full_name, now(), 'open' from neighbours
    )
    insert into orders (customer_id, placed_at, total_pence, status, shipping_name, shipping_address)
    select neighbour.id, timestamptz '2025-01-01 00:00:00+00' + n * interval '1 minute', 1000 + n, 'shipped', neighbour.full_name, neighbour.full_name || ' Street, Leeds'
    from neighbours as neighbour cross join generate_series(1, ${ordersEach}::int) as n`;
}

/** Every row the shop holds for a customer, table by table, as the database has them now. */
export async function readShopCustomer(sql: Sql, { customerId, email }: { customerId: number; email: string }) {
  const [customers, addresses, orders, newsletterSubscriptions, supportTickets] = await Promise.all([
    sql`select * from customers where id = ${customerId}`,
    sql`select * from addresses where customer_id = ${customerId} order by id`,
    sql`select * from orders where customer_id = ${customerId} order by id`,
    sql`select * from newsletter_subscriptions where lower(email) = lower(${email}) order by id`,
    sql`select * from support_tickets where customer_id = ${customerId} order by id`,
  ]);
  return {
    customers: [...customers],
    addresses: [...addresses],
    orders: [...orders],
    newsletterSubscriptions: [...newsletterSubscriptions],
    supportTickets: [...supportTickets],
  };
}

/**
 * Every row the shop holds for a customer as PostgreSQL's own JSON text (exact to the
 * microsecond, unlike the parsed rows of `readShopCustomer`): compared before and after
 * to prove nothing of theirs changed.
 */
export async function customerFootprint(sql: Sql, { customerId, email }: { customerId: number; email: string }): Promise<string[]> {
  const rows = await sql<{ row: string }[]>`
    select to_jsonb(c)::text as row from customers c where id = ${customerId}
    union all select * from (select to_jsonb(a)::text from addresses a where customer_id = ${customerId} order by id) addresses
    union all select * from (select to_jsonb(o)::text from orders o where customer_id = ${customerId} order by id) orders
    union all select * from (select to_jsonb(n)::text from newsletter_subscriptions n where lower(email) = lower(${email}) order by id) subscriptions
    union all select * from (select to_jsonb(t)::text from support_tickets t where customer_id = ${customerId} order by id) tickets`;
  return rows.map((row) => row.row);
}
