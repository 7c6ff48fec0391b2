import { desc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { fulfilmentRuns } from '@/db/schema';
import type { TMysqlMap, TPostgresMap } from '@/lib/validation/data-source';
import { createCrmSource, crmFootprint, demoCrmMap, insertCrmContact, useDemoCrm } from '@/test/support/demo-crm';
import { insertShopCustomer, demoShopMap, uniqueShopEmail, useDemoShop, useTestSources } from '@/test/support/demo-shop';
import { readStoredZip } from '@/test/support/read-zip';
import { getRequest, listEvents } from '@/test/support/requests';
import { resultsOf, runPendingSources } from '@/test/support/source-runs';
import { useStaffTeam } from '@/test/support/staff';
import { useTestDatabase } from '@/test/support/test-database';
import { createVerifiedRequest } from '@/test/support/verified-request';
import { buildPackage } from './build-package';
import { startDryRun } from './start-dry-run';
import { startErasure } from './start-erasure';

const db = useTestDatabase();
const shop = useDemoShop();
const crm = useDemoCrm();
const sources = useTestSources(db);
const staff = useStaffTeam(db);

/** The shop's customers yield their id as shop_customer_id. */
const shopMap: TPostgresMap = { ...demoShopMap, yields: [{ identity: 'shop_customer_id', table: 'customers', column: 'id' }] };

/** A CRM that knows people only by the shop's customer number (its emails are work addresses the request never gave). */
const crmByCustomerNumber: TMysqlMap = {
  tables: demoCrmMap.tables.map((table) =>
    table.table === 'contacts' ? { ...table, match: { column: 'shop_customer_id', identity: 'shop_customer_id' } } : table,
  ),
};

async function shopAndCrm({ shopYields = true }: { shopYields?: boolean } = {}) {
  const shopSource = await sources.createShopSource({
    databaseUrl: shop.databaseUrl,
    map: shopYields ? shopMap : demoShopMap,
    name: 'A shop',
  });
  const crmSource = sources.track(await createCrmSource(db, { databaseUrl: crm.databaseUrl, map: crmByCustomerNumber, name: 'B CRM' }));
  await sources.enableOnly([shopSource, crmSource]);
  return { shopSource, crmSource };
}

/** Ada in the shop under her email, and in the CRM under her customer number only; a neighbour in both. */
async function adaAndNeighbour(type: 'access' | 'deletion') {
  const verified = await createVerifiedRequest(db, { type, input: { fullName: 'Ada Lovelace' } });
  const customer = await insertShopCustomer(shop.sql, { email: verified.input.email, fullName: 'Ada Lovelace' });
  const neighbourCustomer = await insertShopCustomer(shop.sql, { email: uniqueShopEmail('neighbour'), fullName: 'Charles Babbage' });
  const contact = await insertCrmContact(crm.connection, {
    email: uniqueShopEmail('ada-at-work'),
    fullName: 'Ada Lovelace',
    shopCustomerId: customer.customerId,
  });
  const neighbour = await insertCrmContact(crm.connection, {
    email: uniqueShopEmail('babbage-at-work'),
    fullName: 'Charles Babbage',
    shopCustomerId: neighbourCustomer.customerId,
  });
  return { ...verified, customer, contact, neighbour };
}

async function latestRun(requestId: string, kind: 'gather' | 'dry_run' | 'erase') {
  const runs = await db
    .select()
    .from(fulfilmentRuns)
    .where(eq(fulfilmentRuns.requestId, requestId))
    .orderBy(desc(fulfilmentRuns.createdAt));
  return runs.find((run) => run.kind === kind)!;
}

describe('[system] follows the shop’s customer number into a CRM that knows nothing else', () => {
  it('gathers the CRM’s rows found through the shop, records which identity led to them, and none of the neighbour’s', async () => {
    const { crmSource } = await shopAndCrm();
    const { request, customer, contact, neighbour } = await adaAndNeighbour('access');
    const run = await latestRun(request.id, 'gather');

    // The CRM waits for the shop: it has no job until the shop's outcome is recorded.
    const [waitingShop, waitingCrm] = await resultsOf(db, run.id);
    expect(waitingCrm).toMatchObject({ status: 'pending', awaitsSourceIds: [waitingShop!.sourceId] });

    await runPendingSources(db, run.id);
    const [shopResult, crmResult] = await resultsOf(db, run.id);
    expect(shopResult).toMatchObject({
      status: 'succeeded',
      identities: { used: {}, found: { shop_customer_id: [String(customer.customerId)] } },
    });
    expect(crmResult).toMatchObject({
      status: 'succeeded',
      rowCounts: { contacts: 1, interactions: 2, deals: 1 },
      identities: { used: { shop_customer_id: [String(customer.customerId)] }, found: {} },
    });

    await buildPackage(db, { runId: run.id });
    const built = await latestRun(request.id, 'gather');
    expect(built.status).toBe('succeeded');
    const files = await readStoredZip(built.packageStorageKey!);
    const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8'));
    const crmInManifest = manifest.sources.find((source: { slug: string }) => source.slug === crmSource.slug);
    expect(crmInManifest.identities).toEqual({
      tables: { contacts: 'shop_customer_id', interactions: 'shop_customer_id', deals: 'shop_customer_id' },
      searchedWith: { shop_customer_id: { values: [String(customer.customerId)], foundIn: ['A shop'] } },
      yielded: {},
    });
    const crmJson = files.get(`${crmSource.slug}/${crmSource.slug}.json`)!.toString('utf8');
    expect(crmJson).toContain(contact.email);
    expect(crmJson).not.toContain(neighbour.email);
  });

  it('dry-runs and erases Ada in the CRM through her customer number; the neighbour is untouched', async () => {
    await shopAndCrm();
    const { request, reference, contact, neighbour } = await adaAndNeighbour('deletion');
    const neighbourBefore = await crmFootprint(crm.connection, neighbour.contactId);

    const dryRun = await startDryRun(db, { actor: staff.agent, reference, version: request.version });
    await runPendingSources(db, dryRun.runId);
    expect((await resultsOf(db, dryRun.runId)).map((result) => [result.status, result.rowCounts])).toEqual([
      ['succeeded', expect.objectContaining({ customers: 1 })],
      ['succeeded', { contacts: 1, interactions: 2, deals: 1 }],
    ]);

    const erase = await startErasure(db, { actor: staff.agent, reference, version: (await getRequest(db, { id: request.id })).version });
    await runPendingSources(db, erase.runId);
    const [, crmErased] = await resultsOf(db, erase.runId);
    expect(crmErased).toMatchObject({
      status: 'succeeded',
      rowCounts: { contacts: 1, interactions: 2, deals: 1 },
      proof: { isProven: true, tables: { contacts: { remaining: 1, masked: 1 }, interactions: { remaining: 0 } } },
    });
    const after = await crmFootprint(crm.connection, contact.contactId);
    expect(after.interactions).toEqual([]);
    expect(after.contacts).toEqual([
      expect.objectContaining({ email: expect.stringMatching(/^erased-/), full_name: expect.stringMatching(/^erased-/) }),
    ]);
    expect(await crmFootprint(crm.connection, neighbour.contactId)).toEqual(neighbourBefore);
    expect((await getRequest(db, { id: request.id })).status).toBe('fulfilled');
  });

  it('a CRM nothing can reach is reported before the run and fails at its start, with why', async () => {
    await shopAndCrm({ shopYields: false });
    const { request } = await adaAndNeighbour('access');
    const run = await latestRun(request.id, 'gather');
    const [, crmResult] = await resultsOf(db, run.id);
    expect(crmResult).toMatchObject({
      status: 'failed',
      error:
        "Not searched. Nothing can search it: no source in this run finds shop_customer_id. An admin fixes the sources' identities under Settings → Data sources.",
    });
    const started = (await listEvents(db, { requestId: request.id })).find((event) => event.action === 'data_gathering_started');
    expect(started?.details).toMatchObject({ notSearched: [{ source: 'B CRM', reason: expect.stringContaining('shop_customer_id') }] });
  });
});
