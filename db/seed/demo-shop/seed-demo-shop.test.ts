import { beforeAll, describe, expect, it } from 'vitest';
import { useDemoShop } from '@/test/support/demo-shop';
import { insertShopCustomer, readShopCustomer } from '@/test/support/shop-customers';
import { DEMO_CUSTOMER_EMAIL, demoPeople } from './demo-people';
import { seedDemoShop } from './seed-demo-shop';

const shop = useDemoShop();

async function tableCounts() {
  const [counts] = await shop.sql`
    select (select count(*) from customers)::int as customers, (select count(*) from addresses)::int as addresses,
           (select count(*) from orders)::int as orders, (select count(*) from newsletter_subscriptions)::int as newsletter,
           (select count(*) from support_tickets)::int as tickets`;
  return counts;
}

describe('the demo shop seeder', () => {
  let firstCounts: Awaited<ReturnType<typeof tableCounts>>;
  beforeAll(async () => {
    firstCounts = await tableCounts();
  });

  it('seeds 40 made-up customers, the same ones on every install', async () => {
    expect(firstCounts!.customers).toBe(40);
    expect(demoPeople()).toEqual(demoPeople());
    const emails = (await shop.sql<{ email: string }[]>`select email from customers order by id`).map((row) => row.email);
    expect(emails).toEqual(demoPeople().map((person) => person.email));
  });

  it('gives the documented demo customer addresses, several orders, a newsletter subscription and a support ticket', async () => {
    const [ada] = await shop.sql<{ id: string }[]>`select id from customers where email = ${DEMO_CUSTOMER_EMAIL}`;
    const rows = await readShopCustomer(shop.sql, { customerId: Number(ada!.id), email: DEMO_CUSTOMER_EMAIL });

    expect(rows.customers).toMatchObject([{ full_name: 'Ada Lovelace' }]);
    expect(rows.addresses).toHaveLength(2);
    expect(rows.orders.length).toBeGreaterThanOrEqual(3);
    expect(rows.newsletterSubscriptions.map((row) => row.email)).toEqual([DEMO_CUSTOMER_EMAIL, 'Ada.Lovelace@Example.com']);
    expect(rows.supportTickets).toHaveLength(1);
  });

  it('is idempotent: run again (even twice at once) it adds nothing and keeps the tables', async () => {
    const outcomes = await Promise.all([seedDemoShop(shop.sql), seedDemoShop(shop.sql)]);

    expect(outcomes).toEqual([{ isSeeded: false }, { isSeeded: false }]);
    expect(await tableCounts()).toEqual(firstCounts);
  });

  it('takes a test’s own customers beside the demo people: one with 20,000 orders goes in at once, and the shop stays seeded', async () => {
    const customer = await insertShopCustomer(shop.sql, {
      orders: 20_000,
      addresses: 2,
      newsletterTopics: ['offers', 'repairs'],
      tickets: 3,
    });

    const rows = await readShopCustomer(shop.sql, customer);
    expect([
      rows.customers.length,
      rows.addresses.length,
      rows.orders.length,
      rows.newsletterSubscriptions.length,
      rows.supportTickets.length,
    ]).toEqual([1, 2, 20_000, 2, 3]);
    expect(rows.orders[0]).toMatchObject({ shipping_name: customer.fullName, shipping_address: '1 Test Street, Testington TE5 7ST' });
    expect(await seedDemoShop(shop.sql)).toEqual({ isSeeded: false });
  });
});
