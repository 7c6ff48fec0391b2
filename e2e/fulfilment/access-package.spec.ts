import { createHash } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { fileConfirmedRequest } from '../fixtures/confirmed-request';
import { insertShopCustomerAndNeighbour, readShopRows } from '../fixtures/demo-shop';
import { waitForEmail } from '../fixtures/mail-inbox';
import { openRequestAction } from '../fixtures/request-actions';
import { signedInStaff } from '../fixtures/staff';
import { readZipEntries } from '../fixtures/zip-entries';

// Files and confirms a request through real email, gathers from the demo shop and downloads the package.
test.describe.configure({ timeout: 180_000 });

type Manifest = {
  reference: string;
  sources: { name: string; rowCounts: Record<string, number> }[];
  files: { path: string; sizeBytes: number; sha256: string }[];
};

test('[requester] files an access request, an agent gathers and releases the data, and the ZIP holds exactly their shop rows', async ({
  page,
  browser,
}) => {
  const { subject, neighbour } = await insertShopCustomerAndNeighbour({
    fullName: 'Grace Hopper',
    orders: 3,
    addresses: 2,
    newsletterTopics: ['offers', 'news'],
    tickets: 1,
  });
  const seeded = await readShopRows(subject);

  const requesterContext = await browser.newContext();
  const requesterPage = await requesterContext.newPage();
  const request = await test.step('the requester files and confirms an access request', () =>
    fileConfirmedRequest(requesterPage, { type: 'access', email: subject.email, fullName: subject.fullName }));

  const agent = await signedInStaff(page, 'agent');
  await test.step('the agent sees the data gathered from the shop (gathering starts when the request is confirmed) and gathers again', async () => {
    await page.goto(`/staff/requests/${request.reference}`);
    const panel = page.getByRole('region', { name: 'Data from your systems' });
    await expect(panel).toBeVisible();
    // Wait for the automatic run to finish, then run it again by hand from More actions: the agent's way to refresh the package.
    await expect(panel.getByText(/^Package ready/)).toBeVisible({ timeout: 60_000 });
    await page.reload();
    await openRequestAction(page, 'Gather the data again');
    await page.getByRole('button', { name: 'Gather data again' }).click();
    // The page now shows the agent's run (not the automatic one), then refreshes itself until it is done.
    await expect(panel.getByText(`by ${agent.name}`)).toBeVisible();
    await expect(panel.getByText(/^Package ready/)).toBeVisible({ timeout: 60_000 });
    const shopRow = panel.getByRole('row', { name: /Shop database/ });
    await expect(shopRow).toContainText('Done', { timeout: 60_000 });
    await expect(shopRow).toContainText('orders: 3 rows');
    await expect(shopRow).toContainText('addresses: 2 rows');
    await expect(panel.getByRole('link', { name: 'Preview the package' })).toBeVisible({ timeout: 60_000 });
  });

  await test.step("the agent previews the package: the subject's orders, not the neighbour's", async () => {
    await page.getByRole('link', { name: 'Preview the package' }).click();
    await expect(page.getByRole('table', { name: /orders/ })).toBeVisible();
    await expect(page.getByRole('table', { name: /customers/ })).toContainText(subject.email);
    await expect(page.locator('main')).not.toContainText(neighbour.email);
  });

  const message = 'Attached is everything our shop holds about you.';
  await test.step('the agent releases it; the requester is emailed', async () => {
    await page.goto(`/staff/requests/${request.reference}`);
    await page.getByLabel('Message sent with the package').fill(message);
    await page.getByRole('button', { name: 'Release to the requester' }).click();
    await expect(page.locator('.request-header .status-pill')).toHaveText('Fulfilled');
    const email = await waitForEmail(subject.email, { subject: new RegExp(`Your request ${request.reference} is complete`) });
    expect(email.text).toContain(message);
  });

  await test.step('the requester downloads the ZIP from their status page; its files match the shop and the manifest', async () => {
    await requesterPage.goto(request.statusPath);
    const fileName = `${request.reference}-your-data.zip`;
    const [download] = await Promise.all([
      requesterPage.waitForEvent('download'),
      requesterPage.getByRole('link', { name: fileName }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(fileName);
    const entries = await readZipEntries((await download.path())!);

    const manifest = JSON.parse(entries.get('manifest.json')!) as Manifest;
    expect(manifest.reference).toBe(request.reference);
    for (const file of manifest.files) {
      const content = entries.get(file.path);
      expect(content, file.path).toBeDefined();
      expect(createHash('sha256').update(content!).digest('hex'), file.path).toBe(file.sha256);
    }
    expect(manifest.sources.find((source) => source.name === 'Shop database')?.rowCounts).toMatchObject({
      customers: 1,
      addresses: 2,
      orders: 3,
      newsletter_subscriptions: 2,
      support_tickets: 1,
    });
    expect(entries.get('index.html')).toContain(request.reference);

    const orders = parse(entries.get('shop-database/orders.csv')!, { columns: true }) as Record<string, string>[];
    expect(orders.map((order) => Number(order.id)).sort()).toEqual(seeded.orders.map((order) => Number(order.id)).sort());
    expect(orders.map((order) => Number(order.total_pence)).sort()).toEqual(seeded.orders.map((order) => order.total_pence).sort());
    const json = JSON.parse(entries.get('shop-database/shop-database.json')!) as { tables: Record<string, Record<string, unknown>[]> };
    expect(json.tables.customers).toHaveLength(1);
    expect(json.tables.customers![0]).toMatchObject({ email: subject.email, full_name: subject.fullName });
    expect(json.tables.addresses!.map((address) => address.line1).sort()).toEqual(seeded.addresses.map((address) => address.line1).sort());

    const everything = [...entries.values()].join('\n');
    expect(everything).not.toContain(neighbour.email);
  });
  await requesterContext.close();
});
