import { expect, test } from '@playwright/test';
import { fileConfirmedRequest } from '../fixtures/confirmed-request';
import { insertShopCustomerAndNeighbour, readShopRows } from '../fixtures/demo-shop';
import { waitForEmail } from '../fixtures/mail-inbox';
import { signedInStaff } from '../fixtures/staff';

test.describe.configure({ timeout: 180_000 });

test('[agent] applies a restriction: the shop marks the requester’s row restricted and they are told', async ({ page }) => {
  const { subject, neighbour } = await insertShopCustomerAndNeighbour({ fullName: 'Ada Restricted' });
  const request = await fileConfirmedRequest(page, { type: 'restriction', email: subject.email });
  expect((await readShopRows(subject)).customers[0]!.processing_restricted).toBe(false);

  await signedInStaff(page, 'agent');
  await page.goto(`/staff/requests/${request.reference}`);
  const panel = page.getByRole('region', { name: 'Restrict processing in your systems' });
  await panel.getByRole('button', { name: 'Apply the restriction' }).click();
  await expect(panel.getByRole('table', { name: 'Restriction per source' }).getByRole('row', { name: /Shop database/ })).toContainText(
    'Done',
    { timeout: 60_000 },
  );
  await expect(page.locator('.request-header .status-pill')).toHaveText('Fulfilled', { timeout: 60_000 });

  expect((await readShopRows(subject)).customers[0]!.processing_restricted).toBe(true);
  expect((await readShopRows(neighbour)).customers[0]!.processing_restricted).toBe(false);
  const email = await waitForEmail(subject.email, {
    subject: new RegExp(`We have restricted the use of your data \\(${request.reference}\\)`),
    timeoutMs: 30_000,
  });
  expect(email.text).toContain('Shop database');
});

test('[agent] upholds an objection: marketing and profiling stop on the requester’s row only', async ({ page }) => {
  const { subject, neighbour } = await insertShopCustomerAndNeighbour({ fullName: 'Ada Objecting' });
  const request = await fileConfirmedRequest(page, { type: 'objection', email: subject.email });

  await signedInStaff(page, 'agent');
  await page.goto(`/staff/requests/${request.reference}`);
  const panel = page.getByRole('region', { name: 'Stop the processing objected to' });
  await panel.getByRole('button', { name: 'Stop the processing objected to' }).click();
  await expect(page.locator('.request-header .status-pill')).toHaveText('Fulfilled', { timeout: 60_000 });

  expect((await readShopRows(subject)).customers[0]).toMatchObject({ marketing_opt_in: false, profiling_allowed: false });
  expect((await readShopRows(neighbour)).customers[0]).toMatchObject({ marketing_opt_in: true, profiling_allowed: true });
  await waitForEmail(subject.email, {
    subject: new RegExp(`We have stopped using your data as you asked \\(${request.reference}\\)`),
    timeoutMs: 30_000,
  });
});
