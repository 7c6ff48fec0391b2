import { fileURLToPath } from 'node:url';
import postgres, { type Sql, type TransactionSql } from 'postgres';
import { type DemoPerson, demoNewsletterOnly, demoPeople } from './demo-people';

const schemaFile = fileURLToPath(new URL('./schema.sql', import.meta.url));

// Taken before schema.sql too: two processes running its `alter table … add column if not exists` at once
// lock the tables in different orders and deadlock.
const SEED_LOCK = "select pg_advisory_xact_lock(hashtext('dsr-desk:demo-shop-seed'))";

/**
 * Creates the demo shop's tables if missing and, only while it has no customers,
 * fills it with the made-up people of demo-people.ts. Safe on every start and from
 * two processes at once: an advisory lock makes the second wait and then find it seeded (tables too).
 */
export async function seedDemoShop(sql: Sql): Promise<{ isSeeded: boolean }> {
  return sql.begin(async (transaction) => {
    await transaction.unsafe(SEED_LOCK);
    await transaction.file(schemaFile);
    const [{ customers }] = await transaction<{ customers: number }[]>`select count(*)::int as customers from customers`;
    if (customers > 0) return { isSeeded: false };
    for (const person of demoPeople()) await insertDemoPerson(transaction, person);
    await transaction`insert into newsletter_subscriptions ${transaction(demoNewsletterOnly.map(({ email, topic, subscribedAt }) => ({ email, topic, subscribed_at: subscribedAt })))}`;
    return { isSeeded: true };
  });
}

/** Connects, seeds and disconnects: for start-up, where nothing else holds a client to the shop. */
export async function seedDemoShopDatabase(databaseUrl: string): Promise<{ isSeeded: boolean }> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    return await seedDemoShop(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** One customer with all their rows; returns the customer id. Tests use it to add their own people. */
export async function insertDemoPerson(sql: Sql | TransactionSql, person: DemoPerson): Promise<number> {
  const [{ id }] = await sql<{ id: string }[]>`
    insert into customers (email, full_name, phone, created_at)
    values (${person.email}, ${person.fullName}, ${person.phone}, ${person.createdAt})
    returning id`;
  const customerId = Number(id);
  if (person.addresses.length > 0) {
    await sql`insert into addresses ${sql(person.addresses.map((address) => ({ customer_id: customerId, line1: address.line1, city: address.city, postcode: address.postcode, country: address.country })))}`;
  }
  if (person.orders.length > 0) {
    await sql`insert into orders ${sql(
      person.orders.map((order) => ({
        customer_id: customerId,
        placed_at: order.placedAt,
        total_pence: order.totalPence,
        status: order.status,
        shipping_name: order.shippingName,
        shipping_address: order.shippingAddress,
      })),
    )}`;
  }
  if (person.newsletterTopics.length > 0) {
    await sql`insert into newsletter_subscriptions ${sql(person.newsletterTopics.map(({ email, topic, subscribedAt }) => ({ email, topic, subscribed_at: subscribedAt })))}`;
  }
  if (person.tickets.length > 0) {
    await sql`insert into support_tickets ${sql(person.tickets.map((ticket) => ({ customer_id: customerId, subject: ticket.subject, body: ticket.body, opened_at: ticket.openedAt, status: ticket.status })))}`;
  }
  return customerId;
}
