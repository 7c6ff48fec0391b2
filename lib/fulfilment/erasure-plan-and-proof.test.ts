import { describe, expect, it } from 'vitest';
import { customerFootprint, insertShopCustomer, useDemoShop, useTestSources } from '@/test/support/demo-shop';
import { getRequest, listEvents } from '@/test/support/requests';
import { resultsOf, runPendingSources } from '@/test/support/source-runs';
import { useStaffTeam } from '@/test/support/staff';
import { useTestDatabase } from '@/test/support/test-database';
import { createVerifiedRequest } from '@/test/support/verified-request';
import { startDryRun } from './start-dry-run';
import { startErasure } from './start-erasure';

const db = useTestDatabase();
const shop = useDemoShop();
const sources = useTestSources(db);
const staff = useStaffTeam(db);

/** A shop customer's deletion request: dry run, then `between`, then erasure; both runs' results. */
async function dryRunThenErase(between: (customer: { customerId: number; email: string }) => Promise<void> = async () => {}) {
  const source = await sources.createShopSource({ databaseUrl: shop.databaseUrl, name: 'Shop (plan and proof)' });
  await sources.enableOnly([source]);
  const { request, reference, input } = await createVerifiedRequest(db, { type: 'deletion', input: { fullName: 'Grace Hopper' } });
  const customer = await insertShopCustomer(shop.sql, {
    email: input.email,
    fullName: 'Grace Hopper',
    addresses: 2,
    orders: 3,
    tickets: 2,
  });
  const dryRun = await startDryRun(db, { actor: staff.agent, reference, version: request.version });
  await runPendingSources(db, dryRun.runId);
  await between(customer);
  const before = await customerFootprint(shop.sql, customer);
  const erase = await startErasure(db, { actor: staff.agent, reference, version: (await getRequest(db, { id: request.id })).version });
  await runPendingSources(db, erase.runId);
  return { request, customer, before, dryRun: (await resultsOf(db, dryRun.runId))[0]!, erase: (await resultsOf(db, erase.runId))[0]! };
}

describe('[agent] erasure in PostgreSQL executes the reviewed plan', () => {
  it('an order placed after the dry run stops the erasure with the difference, and nothing is erased', async () => {
    const { request, customer, before, dryRun, erase } = await dryRunThenErase(async ({ customerId }) => {
      await shop.sql`insert into orders (customer_id, placed_at, total_pence, status, shipping_name, shipping_address) values (${customerId}, now(), 999, 'paid', 'Grace Hopper', '1 Test Street')`;
    });

    expect(dryRun.plan).toMatchObject({ orders: { rows: 3, keyDigest: expect.stringMatching(/^[0-9a-f]{64}$/) }, customers: { rows: 1 } });
    expect(erase).toMatchObject({
      status: 'failed',
      error:
        'The data changed since the dry run, so nothing was erased: orders: 3 rows in the dry run, 4 rows now. Run a new dry run and review it.',
    });
    expect(await customerFootprint(shop.sql, customer)).toEqual(before);
    const failed = (await listEvents(db, { requestId: request.id })).find((event) => event.action === 'source_failed');
    expect(failed!.details).toMatchObject({ kind: 'erase', error: expect.stringContaining('orders: 3 rows in the dry run, 4 rows now') });
  });
});

describe('[agent] erasure in PostgreSQL proves itself by searching again', () => {
  it('a trigger that puts a deleted row back fails the source with what was still found', async () => {
    await shop.sql.unsafe(`
      create function put_subscription_back() returns trigger language plpgsql as $$
      begin
        insert into newsletter_subscriptions (email, topic, subscribed_at) values (old.email, old.topic, old.subscribed_at);
        return old;
      end $$`);
    await shop.sql.unsafe(
      'create trigger put_subscription_back after delete on newsletter_subscriptions for each row execute function put_subscription_back()',
    );
    try {
      const { request, erase } = await dryRunThenErase();

      expect(erase).toMatchObject({
        status: 'failed',
        error: 'Erased, but querying the source again still found the person: newsletter_subscriptions: 1 row not erased.',
      });
      expect(erase.proof).toMatchObject({
        isProven: false,
        tables: { newsletter_subscriptions: { remaining: 1, masked: 0 }, customers: { remaining: 0 }, support_tickets: { remaining: 0 } },
      });
      expect((await getRequest(db, { id: request.id })).status).not.toBe('fulfilled');
      const failed = (await listEvents(db, { requestId: request.id })).find((event) => event.action === 'source_failed');
      expect(failed!.details).toMatchObject({ proof: { isProven: false, tables: { newsletter_subscriptions: { remaining: 1 } } } });
    } finally {
      await shop.sql.unsafe('drop trigger put_subscription_back on newsletter_subscriptions');
      await shop.sql.unsafe('drop function put_subscription_back()');
    }
  });
});
