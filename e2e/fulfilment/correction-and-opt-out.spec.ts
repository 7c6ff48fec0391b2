import { expect, test } from '@playwright/test';
import { fileConfirmedRequest } from '../fixtures/confirmed-request';
import { insertShopCustomerAndNeighbour, readShopRows } from '../fixtures/demo-shop';
import { waitForEmail } from '../fixtures/mail-inbox';
import { signedInStaff } from '../fixtures/staff';

test.describe.configure({ timeout: 180_000 });

test('[agent] corrects a requester’s name in the shop: sees the old and new value, applies it, and only their row changes', async ({
  page,
}) => {
  const { subject, neighbour } = await insertShopCustomerAndNeighbour({ fullName: 'Ada Lovelance' });
  const neighbourBefore = await readShopRows(neighbour);
  const request = await fileConfirmedRequest(page, {
    type: 'correction',
    email: subject.email,
    fullName: 'Ada Lovelace',
    details: 'My surname is Lovelace, not Lovelance.',
  });

  await signedInStaff(page, 'agent');
  await page.goto(`/staff/requests/${request.reference}`);
  const panel = page.getByRole('region', { name: 'Correct the data in your systems' });

  await test.step('the preview shows the value now beside the corrected one, and writes nothing', async () => {
    const target = panel.getByLabel('Value to correct');
    const option = target.locator('option', { hasText: 'full_name: Ada Lovelance' });
    await target.selectOption(await option.getAttribute('value').then((value) => value!));
    await panel.getByLabel('Corrected value').fill('Ada Lovelace');
    await panel.getByRole('button', { name: 'Preview the correction' }).click();
    await expect(panel.getByTestId('correction-old-value')).toHaveText('Ada Lovelance');
    await expect(panel.getByTestId('correction-new-value')).toHaveText('Ada Lovelace');
    expect((await readShopRows(subject)).customers[0]!.full_name).toBe('Ada Lovelance');
  });

  await test.step('applying changes the requester’s shop row only, and the timeline records it', async () => {
    await panel.getByRole('button', { name: 'Apply the correction' }).click();
    await expect(page.getByText('Correction applied in the source and recorded.')).toBeVisible();
    expect((await readShopRows(subject)).customers[0]!.full_name).toBe('Ada Lovelace');
    expect(await readShopRows(neighbour)).toEqual(neighbourBefore);
    await expect(page.getByText('Correction applied in a source').first()).toBeVisible();
  });
});

test('[agent] applies an opt-out of marketing: the shop’s consent column changes and the requester is told', async ({ page }) => {
  const { subject, neighbour } = await insertShopCustomerAndNeighbour({ fullName: 'Grace Hopper' });
  const request = await fileConfirmedRequest(page, { type: 'marketing_unsubscribe', jurisdiction: 'us_ca_ccpa', email: subject.email });
  expect((await readShopRows(subject)).customers[0]!.marketing_opt_in).toBe(true);

  await signedInStaff(page, 'agent');
  await page.goto(`/staff/requests/${request.reference}`);
  const panel = page.getByRole('region', { name: 'Opt out in your systems' });
  await panel.getByRole('button', { name: 'Apply the opt-out in every source' }).click();
  await expect(panel.getByRole('table', { name: 'Opt-out per source' }).getByRole('row', { name: /Shop database/ })).toContainText('Done', {
    timeout: 60_000,
  });
  await expect(page.locator('.request-header .status-pill')).toHaveText('Fulfilled', { timeout: 60_000 });

  expect((await readShopRows(subject)).customers[0]!.marketing_opt_in).toBe(false);
  expect((await readShopRows(neighbour)).customers[0]!.marketing_opt_in).toBe(true);
  const email = await waitForEmail(subject.email, { subject: new RegExp(`Your opt-out ${request.reference} is done`), timeoutMs: 30_000 });
  expect(email.text).toContain('We no longer send you marketing.');
});
