import { expect, test } from '@playwright/test';
import { fileConfirmedRequest } from '../fixtures/confirmed-request';
import { waitForEmail } from '../fixtures/mail-inbox';
import { openRequestAction } from '../fixtures/request-actions';
import { signedInStaff } from '../fixtures/staff';
import { readZipEntries } from '../fixtures/zip-entries';

// Ada Lovelace is the demo shop's own customer (db/seed/demo-shop/demo-people.ts); no other spec files a request for her.
test.describe.configure({ timeout: 360_000 });

test("[requester] Ada's package opens on a page that shows her orders as text, with labels, pounds and times in her time zone", async ({
  page,
  browser,
}) => {
  const requesterContext = await browser.newContext();
  const requesterPage = await requesterContext.newPage();
  const request = await test.step('Ada files and confirms an access request from New York', () =>
    fileConfirmedRequest(requesterPage, {
      type: 'access',
      email: 'ada.lovelace@example.com',
      fullName: 'Ada Lovelace',
      timeZone: 'America/New_York',
    }));

  await test.step('an agent releases the package gathered from the shop', async () => {
    await signedInStaff(page, 'agent');
    await page.goto(`/staff/requests/${request.reference}`);
    const panel = page.getByRole('region', { name: 'Data from your systems' });
    await expect(panel.getByText(/^Package ready/)).toBeVisible({ timeout: 90_000 });
    // Not started yet, so Start work leads and the release waits under More actions.
    await page.reload();
    await openRequestAction(page, 'Release the package');
    await page.getByLabel('Message sent with the package').fill('Your data, as our shop holds it.');
    await page.getByRole('button', { name: 'Release to the requester' }).click();
    await waitForEmail(request.input.email, { subject: new RegExp(`Your request ${request.reference} is complete`) });
  });

  const index = await test.step('Ada downloads the ZIP from her status page', async () => {
    await requesterPage.goto(request.statusPath);
    const [download] = await Promise.all([
      requesterPage.waitForEvent('download'),
      requesterPage.getByRole('link', { name: `${request.reference}-your-data.zip` }).click(),
    ]);
    const entries = await readZipEntries((await download.path())!);
    expect([...entries.keys()]).toEqual(expect.arrayContaining(['shop-database/shop-database.json', 'shop-database/orders.csv']));
    return entries.get('index.html')!;
  });

  await test.step('index.html, opened in the browser, shows her orders as a table a person can read', async () => {
    await requesterPage.setContent(index);
    const orders = requesterPage.getByRole('table', { name: /Your orders: 4 records/ });
    await expect(orders).toBeVisible();
    await expect(orders.getByRole('columnheader')).toHaveText([
      'Order number',
      'Placed',
      'Total',
      'Status',
      'Delivered to',
      'Delivery address',
    ]);
    for (const total of ['£45.99', '£12.50', '£189.00', '£32.75']) await expect(orders).toContainText(total);
    // 11:02 UTC on 20 March 2023 is 07:02 in New York (daylight saving time had begun).
    await expect(orders).toContainText('20 March 2023 at 07:02');
    await expect(orders.getByRole('row', { name: /£189\.00/ })).toContainText('refunded');
    await expect(requesterPage.getByRole('table', { name: /Your addresses: 2 records/ })).toContainText('12 St James’s Square');
    await expect(requesterPage.getByRole('heading', { name: 'About this data' })).toBeVisible();
    await expect(requesterPage.getByText('Dates and times on this page are in your time zone (America/New_York).')).toBeVisible();
  });
  await requesterContext.close();
});
