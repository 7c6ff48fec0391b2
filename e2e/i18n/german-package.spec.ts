import { expect, test } from '@playwright/test';
import { insertShopCustomerAndNeighbour } from '../fixtures/demo-shop';
import { extractLink, waitForEmail } from '../fixtures/mail-inbox';
import { openRequestAction } from '../fixtures/request-actions';
import { seedUnverifiedRequest } from '../fixtures/requests';
import { signedInStaff } from '../fixtures/staff';
import { readZipEntries } from '../fixtures/zip-entries';

// Signs staff in through real email; the shop's data is gathered by the worker.
test.describe.configure({ timeout: 300_000 });

test('[requester] a German speaker’s data package opens in German: headings, the shop’s German labels and German number formats', async ({
  browser,
  page,
}) => {
  const { subject } = await insertShopCustomerAndNeighbour({ fullName: 'Greta Beispiel' });
  const german = await browser.newContext({ locale: 'de-DE' });
  const requester = await german.newPage();

  // Filed through the JSON intake in German, as a German page would file it.
  await seedUnverifiedRequest(requester.request, { type: 'access', email: subject.email, fullName: subject.fullName, language: 'de' });
  const verification = await waitForEmail(subject.email, { subject: /^Bestätigen Sie Ihre Datenschutzanfrage$/ });
  await requester.goto(extractLink(verification.text, '/verify/'));
  await requester.getByRole('button', { name: 'Anfrage bestätigen' }).click();
  await expect(requester).toHaveURL(/\/status\//);
  const reference = /DSR-\d{4}-\d{6,}/.exec((await requester.getByRole('heading', { level: 1 }).textContent()) ?? '')![0];

  await test.step('an agent releases the package gathered from the shop', async () => {
    await signedInStaff(page, 'agent');
    await page.goto(`/staff/requests/${reference}`);
    await expect(page.getByRole('region', { name: 'Data from your systems' }).getByText(/^Package ready/)).toBeVisible({ timeout: 90_000 });
    await page.reload();
    await openRequestAction(page, 'Release the package');
    await page.getByLabel('Message sent with the package').fill('Anbei Ihre Daten aus unserem Shop.');
    await page.getByRole('button', { name: 'Release to the requester' }).click();
  });

  const done = await waitForEmail(subject.email, { subject: new RegExp(`^Ihre Anfrage ${reference} ist erledigt$`) });
  const index = await test.step('she downloads the ZIP from her status page', async () => {
    await requester.goto(extractLink(done.text, '/status/'));
    const [download] = await Promise.all([
      requester.waitForEvent('download'),
      requester.getByRole('link', { name: `${reference}-your-data.zip` }).click(),
    ]);
    return (await readZipEntries((await download.path())!)).get('index.html')!;
  });

  await test.step('index.html is German', async () => {
    await requester.setContent(index);
    await expect(requester.locator('html')).toHaveAttribute('lang', 'de');
    await expect(requester.getByRole('heading', { level: 1 })).toHaveText(/^Ihre personenbezogenen Daten bei /);
    await expect(requester.getByRole('heading', { name: 'Was dieses Paket enthält' })).toBeVisible();
    const orders = requester.getByRole('table', { name: /^Ihre Bestellungen: \d+ Datensätze?$/ });
    await expect(orders).toBeVisible();
    await expect(orders.getByRole('columnheader').first()).not.toHaveText('Order number');
    // Money as Germans write it: a decimal comma.
    await expect(orders).toContainText(/\d+,\d{2}\s?£/);
    await expect(requester.getByRole('table', { name: /^Ihr Kundenkonto: 1 Datensatz$/ })).toContainText('Greta Beispiel');
  });
  await german.close();
});
