import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { fileConfirmedRequest } from '../fixtures/confirmed-request';
import { insertShopCustomerAndNeighbour, readShopRows } from '../fixtures/demo-shop';
import { extractLink, waitForEmail } from '../fixtures/mail-inbox';
import { createCrmDatabase, insertCrmContact, readCrmContact } from '../fixtures/mariadb';
import { uniqueEmail } from '../fixtures/requests';
import { signedInStaff } from '../fixtures/staff';

// Runs after the chromium project, beside the webhook spec (playwright.config.ts, project "switches-on-sources"):
// its CRM and processor are switched on for deletion requests while it runs, and every erasure started meanwhile
// would include them (the processor would hold it open until the vendor answers).
test.describe.configure({ timeout: 240_000 });

type MapTable = { table: string; match: object; export: string[]; erase: object };
type CrmEntry = { slug: string; config: { map: { tables: MapTable[] } } };

/**
 * The demo CRM's map (db/seed/demo-crm-data-source.json), searched by the shop's customer number alone:
 * its contacts' emails are work addresses the request never gave. The contact is masked column by column.
 */
function crmMapByCustomerNumber(): string {
  const entries = JSON.parse(readFileSync(new URL('../../db/seed/demo-crm-data-source.json', import.meta.url), 'utf8')) as CrmEntry[];
  const map = entries.find((entry) => entry.slug === 'crm')!.config.map;
  const tables = map.tables.map((table) =>
    table.table === 'contacts'
      ? {
          ...table,
          match: { column: 'shop_customer_id', identity: 'shop_customer_id' },
          erase: { action: 'anonymise', columns: { email: 'hash', phone: 'null', full_name: { fixed: 'Erased contact' } } },
        }
      : table,
  );
  return JSON.stringify({ tables }, null, 2);
}

/** The demo shop's source yields its customers' ids as shop_customer_id (an admin's edit of its map), so the CRM can be searched. */
async function shopYieldsCustomerNumber(page: Page): Promise<void> {
  await page.goto('/staff/settings/sources/shop-database');
  const mapField = page.getByLabel('Map (JSON)');
  const map = JSON.parse(await mapField.inputValue()) as { yields?: { identity: string; table: string; column: string }[] };
  if (map.yields?.some((entry) => entry.identity === 'shop_customer_id')) return;
  map.yields = [...(map.yields ?? []), { identity: 'shop_customer_id', table: 'customers', column: 'id' }];
  await mapField.fill(JSON.stringify(map, null, 2));
  await page.getByRole('button', { name: 'Save data source' }).click();
  await expect(page.getByText('Saved. The map matches the source database.')).toBeVisible();
}

/** Adds a source switched on for deletion requests only; returns the path of its page. */
async function addErasureSource(page: Page, kind: RegExp, fill: () => Promise<void>): Promise<string> {
  await page.goto('/staff/settings/sources/new');
  await page.getByLabel(kind).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel(/^Access and export requests/).uncheck();
  await fill();
  await page.getByRole('button', { name: 'Add data source' }).click();
  await expect(page.getByText('The data source was added.')).toBeVisible();
  return new URL(page.url()).pathname;
}

async function switchOff(page: Page, sourcePath: string): Promise<void> {
  await page.goto(sourcePath);
  await page.getByRole('button', { name: 'Switch off' }).click();
  await expect(page.getByRole('button', { name: 'Switch on' })).toBeVisible();
}

test("[requester] Ada's deletion reaches the PostgreSQL shop, a MariaDB CRM that knows her by customer number, and a processor; her status page shows the proof per system", async ({
  page,
  browser,
}) => {
  const suffix = randomBytes(3).toString('hex');
  const crmName = `Sales CRM ${suffix}`;
  const crmPublicName = `Our sales team’s records ${suffix}`;
  const processorName = `Mailfleet ${suffix}`;
  const vendorName = `Mailfleet ${suffix} Ltd`;
  const vendorEmail = uniqueEmail('processor');

  // Ada and a neighbour in the shop; in the CRM, each only under their shop customer number.
  const { subject: ada, neighbour } = await insertShopCustomerAndNeighbour({ fullName: 'Ada Lovelace', orders: 2, addresses: 1 });
  const crm = await createCrmDatabase();
  const sourcePaths: string[] = [];
  try {
    const adaContact = await insertCrmContact(crm.databaseUrl, {
      email: uniqueEmail('ada-at-work'),
      fullName: 'Ada Lovelace',
      shopCustomerId: ada.customerId,
    });
    const neighbourContact = await insertCrmContact(crm.databaseUrl, {
      email: uniqueEmail('neighbour-at-work'),
      fullName: neighbour.fullName,
      shopCustomerId: neighbour.customerId,
    });
    const adaCrmBefore = await readCrmContact(crm.databaseUrl, adaContact);
    const neighbourCrmBefore = await readCrmContact(crm.databaseUrl, neighbourContact);
    const adaShopBefore = await readShopRows(ada);
    const neighbourShopBefore = await readShopRows(neighbour);

    await signedInStaff(page, 'admin');
    await test.step('the admin links the shop to a MariaDB CRM by customer number and adds the mailing processor', async () => {
      await shopYieldsCustomerNumber(page);
      sourcePaths.push(
        await addErasureSource(page, /^MySQL or MariaDB database/, async () => {
          await page.getByLabel('Name', { exact: true }).fill(crmName);
          await page.getByLabel('Name requesters read (optional)').fill(crmPublicName);
          await page.getByLabel('Connection string').fill(crm.databaseUrl);
          await page.getByLabel('Map (JSON)').fill(crmMapByCustomerNumber());
        }),
      );
      sourcePaths.push(
        await addErasureSource(page, /^Processor \(vendor told by email\)/, async () => {
          await page.getByLabel('Name', { exact: true }).fill(processorName);
          await page.getByLabel('Vendor name').fill(vendorName);
          await page.getByLabel('Vendor’s privacy contact email').fill(vendorEmail);
        }),
      );
    });

    const requesterContext = await browser.newContext();
    const requesterPage = await requesterContext.newPage();
    const request = await test.step('Ada files a deletion and confirms it from the email', async () =>
      fileConfirmedRequest(requesterPage, { type: 'deletion', email: ada.email, fullName: ada.fullName }));

    await page.goto(`/staff/requests/${request.reference}`);
    const panel = page.getByRole('region', { name: 'Data from your systems' });
    await test.step('the request page shows the search order: the CRM after the shop, by the customer number', async () => {
      await page.getByRole('button', { name: 'Start work' }).click();
      await expect(page.getByRole('status')).toContainText('Work started');
      await expect(panel.getByRole('list', { name: 'Search order' })).toContainText(
        `${crmName}: searched by shop_customer_id (after Shop database)`,
      );
    });

    await test.step('the dry run plans per source what erasure would do, and changes nothing', async () => {
      await page.getByRole('button', { name: 'Dry run', exact: true }).click();
      const plan = panel.getByRole('table', { name: 'What erasure would do, per source and table' });
      const crmRow = plan.getByRole('row', { name: new RegExp(crmName) });
      await expect(crmRow).toContainText('Done', { timeout: 60_000 });
      await expect(crmRow).toContainText(
        'contacts: 1 row — would be kept with email replaced by a keyed hash, phone emptied, full_name set to "Erased contact"',
      );
      await expect(crmRow).toContainText('interactions: 2 rows — would be deleted');
      await expect(crmRow).toContainText('deals: 1 row — kept: Sales records are kept for six years');
      const shopRow = plan.getByRole('row', { name: /Shop database/ });
      await expect(shopRow).toContainText('Done');
      await expect(shopRow).toContainText('addresses: 1 row — would be deleted');
      await expect(plan.getByRole('row', { name: new RegExp(processorName) })).toContainText('Done');
      expect(await readShopRows(ada)).toEqual(adaShopBefore);
      expect(await readCrmContact(crm.databaseUrl, adaContact)).toEqual(adaCrmBefore);
    });

    await test.step('erase: shop and CRM are erased and proven by a search afterwards; the processor is emailed', async () => {
      await page.getByLabel('I have checked the dry run and want to erase this person’s data now').check();
      await page.getByRole('button', { name: 'Erase data' }).click();
      const outcome = panel.getByRole('table', { name: 'Erasure outcome per source and table' });
      const crmRow = outcome.getByRole('row', { name: new RegExp(crmName) });
      await expect(crmRow).toContainText('Done', { timeout: 60_000 });
      // The proof per table (kept in a jsonb object, so in its key order, not the map's).
      await expect(crmRow).toContainText('Proven: searched again afterwards');
      for (const table of ['contacts only masked rows (1)', 'interactions none left', 'deals kept'])
        await expect(crmRow).toContainText(table);
      const shopRow = outcome.getByRole('row', { name: /Shop database/ });
      await expect(shopRow).toContainText('Done');
      await expect(shopRow).toContainText('Proven: searched again afterwards');
      await panel.getByLabel('What you did in Backups').fill('Added to the erasure replay list.');
      await panel.getByRole('button', { name: 'Confirm Backups' }).click();
      await expect(page.locator('.request-header .status-pill')).toHaveText('In progress');
    });

    const vendor = await browser.newPage();
    await test.step('the vendor confirms from the link in its email, in the browser', async () => {
      const notice = await waitForEmail(vendorEmail, {
        subject: new RegExp(`Erasure request from .* \\(${request.reference}\\)`),
        timeoutMs: 30_000,
      });
      await vendor.goto(extractLink(notice.text, '/processor/'));
      await expect(vendor.getByRole('heading', { level: 1 })).toHaveText('Confirm an erasure');
      await expect(vendor.locator('dl.summary')).toContainText(ada.email);
      await vendor.getByRole('button', { name: 'We have erased this person’s data' }).click();
      await expect(vendor.getByRole('heading', { level: 1 })).toHaveText('Thank you');
      await vendor.close();
    });

    await test.step('Ada’s status page shows the proof per system: shop and CRM searched again, the processor’s confirmation', async () => {
      await waitForEmail(ada.email, {
        subject: new RegExp(`Your personal data has been erased \\(${request.reference}\\)`),
        timeoutMs: 60_000,
      });
      await requesterPage.goto(request.statusPath);
      const answer = requesterPage.getByRole('region', { name: 'Our answer' });
      await expect(answer).toContainText('Our online shop');
      await expect(answer).toContainText(
        new RegExp(`Searched again afterwards, none of your personal details were found in: .*${crmPublicName}`),
      );
      await expect(answer).toContainText(/Searched again afterwards, none of your personal details were found in: .*Our online shop/);
      await expect(requesterPage.getByTestId('recipients-told')).toContainText(`${vendorName}: told on`);
      await expect(requesterPage.getByTestId('recipients-told')).toContainText('confirmed');
    });
    await requesterContext.close();

    await test.step('in the databases: Ada’s shop and CRM rows are erased or masked, the neighbour’s untouched', async () => {
      const shop = await readShopRows(ada);
      expect(shop.addresses).toEqual([]);
      expect(shop.customers[0]!.email).toMatch(/^erased-/);
      expect(shop.customers[0]!.full_name).toMatch(/^erased-/);
      const crmAfter = await readCrmContact(crm.databaseUrl, adaContact);
      expect(crmAfter.contacts).toHaveLength(1);
      expect(crmAfter.contacts[0]).toMatchObject({ full_name: 'Erased contact', phone: null, shop_customer_id: ada.customerId });
      expect(crmAfter.contacts[0]!.email).toMatch(/^[0-9a-f]{64}$/);
      expect(crmAfter.interactions).toEqual([]);
      expect(crmAfter.deals).toEqual(adaCrmBefore.deals);
      expect(await readShopRows(neighbour)).toEqual(neighbourShopBefore);
      expect(await readCrmContact(crm.databaseUrl, neighbourContact)).toEqual(neighbourCrmBefore);
    });
  } finally {
    for (const sourcePath of sourcePaths) await switchOff(page, sourcePath);
    await crm.drop();
  }
});
