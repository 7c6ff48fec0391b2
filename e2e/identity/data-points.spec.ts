import { expect, test } from '@playwright/test';
import { fileConfirmedRequest } from '../fixtures/confirmed-request';
import { insertShopCustomerAndNeighbour } from '../fixtures/demo-shop';
import { signedInStaff } from '../fixtures/staff';

test.describe.configure({ timeout: 240_000 });

// Colorado's levels are set here; no other spec files Colorado requests.
const REGION = 'us_co_cpa';

test('[requester] a deletion that needs two data points: a wrong phone is refused with the tries left, her phone and postcode from the shop verify it, and staff see the level reached', async ({
  page,
  browser,
}) => {
  // Ada, as the demo shop holds her: a customer of this spec's own, with the shop's phone and postcode for test customers.
  const { subject } = await insertShopCustomerAndNeighbour({ fullName: 'Ada Lovelace', addresses: 1, orders: 1 });

  await test.step('an admin asks for two data points for deletions in the region', async () => {
    await signedInStaff(page, 'admin');
    await page.goto(`/staff/settings/jurisdictions/${REGION}`);
    const levels = page.getByRole('region', { name: 'Identity levels' });
    await levels.getByLabel('Level for Deletion').selectOption({ label: 'Data points' });
    await levels.getByLabel('Data points for Deletion').fill('2');
    await levels.getByRole('button', { name: 'Save identity levels' }).click();
    await expect(levels.getByText('Identity levels saved')).toBeVisible();
  });

  const requester = await browser.newPage();
  try {
    const request = await fileConfirmedRequest(requester, {
      type: 'deletion',
      jurisdiction: REGION,
      email: subject.email,
      fullName: subject.fullName,
    });

    await test.step('staff cannot answer yet: the identity panel says the level is not reached', async () => {
      await page.goto(`/staff/requests/${request.reference}`);
      const identity = page.getByRole('region', { name: 'Identity', exact: true });
      await expect(identity).toContainText('Data points (2)');
      await expect(identity).toContainText('Below the level required.');
    });

    await test.step('a wrong phone number is refused, with the tries left; nothing typed is shown again', async () => {
      await requester.goto(request.statusPath);
      const step = requester.getByRole('region', { name: 'Show us it is you' });
      await step.getByLabel('Phone number').fill('020 0000 0000');
      await step.getByLabel('Postcode').fill('te5 7st');
      await step.getByRole('button', { name: 'Check my details' }).click();
      await expect(step.getByRole('alert')).toContainText('These details do not match our records. You have 2 tries left.');
      await expect(step.getByLabel('Phone number')).toHaveValue('');
    });

    await test.step('her phone and postcode, written her own way, match the shop', async () => {
      const step = requester.getByRole('region', { name: 'Show us it is you' });
      await step.getByLabel('Phone number').fill('07700 900123');
      await step.getByLabel('Postcode').fill('te5 7st');
      await step.getByRole('button', { name: 'Check my details' }).click();
      await expect(requester.getByRole('status').filter({ hasText: 'your details match our records' })).toBeVisible();
      await expect(requester.getByRole('region', { name: 'Show us it is you' })).toHaveCount(0);
    });

    await test.step('staff see the level reached on the request and on the queue', async () => {
      await page.goto(`/staff/requests/${request.reference}`);
      const identity = page.getByRole('region', { name: 'Identity', exact: true });
      await expect(identity).toContainText('Meets the level required.');
      await expect(identity).toContainText('Failed tries');
      await page.goto(`/staff?q=${request.reference}&status=all`);
      await expect(page.getByRole('row', { name: new RegExp(request.reference) })).toContainText('Data points');
    });
  } finally {
    await requester.close();
  }
});
