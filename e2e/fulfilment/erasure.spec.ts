import { expect, test } from '@playwright/test';
import { fileConfirmedRequest } from '../fixtures/confirmed-request';
import { insertShopCustomerAndNeighbour, readShopRows } from '../fixtures/demo-shop';
import { waitForEmail } from '../fixtures/mail-inbox';
import { signedInStaff } from '../fixtures/staff';

test.describe.configure({ timeout: 180_000 });

test("[agent] dry-runs and erases a deletion request: the subject's shop rows are gone or anonymised, a neighbour's untouched", async ({
  page,
}) => {
  const { subject, neighbour } = await insertShopCustomerAndNeighbour({
    fullName: 'Hedy Lamarr',
    orders: 2,
    addresses: 1,
    newsletterTopics: ['offers'],
    tickets: 2,
  });
  const before = await readShopRows(subject);
  const neighbourBefore = await readShopRows(neighbour);
  const request = await fileConfirmedRequest(page, { type: 'deletion', email: subject.email, fullName: subject.fullName });

  await signedInStaff(page, 'agent');
  await page.goto(`/staff/requests/${request.reference}`);
  const panel = page.getByRole('region', { name: 'Data from your systems' });

  await test.step('erasure is not offered until a dry run has succeeded: after Start work, the dry run is the primary action', async () => {
    await page.getByRole('button', { name: 'Start work' }).click();
    await expect(page.getByRole('status')).toContainText('Work started');
    await expect(page.getByRole('button', { name: 'Erase data' })).toHaveCount(0);
    await expect(panel).toContainText('Run a dry run first');
  });

  await test.step('the dry run counts, per table, what erasure would do, and changes nothing', async () => {
    await page.getByRole('button', { name: 'Dry run', exact: true }).click();
    const shopRow = panel
      .getByRole('table', { name: 'What erasure would do, per source and table' })
      .getByRole('row', { name: /Shop database/ });
    await expect(shopRow).toContainText('Done', { timeout: 60_000 });
    await expect(shopRow).toContainText('addresses: 1 row — would be deleted');
    await expect(shopRow).toContainText('orders: 2 rows — would be kept with shipping_name, shipping_address blanked');
    await expect(shopRow).toContainText(/support_tickets: 2 rows/);
    expect(await readShopRows(subject)).toEqual(before);
  });

  await test.step('erase: the shop is erased, the backups item waits for the agent, who confirms it with a note', async () => {
    await page.getByLabel('I have checked the dry run and want to erase this person’s data now').check();
    await page.getByLabel('Message to the requester (optional)').fill('Your shop account is closed.');
    await page.getByRole('button', { name: 'Erase data' }).click();
    const outcome = panel.getByRole('table', { name: 'Erasure outcome per source and table' });
    await expect(outcome.getByRole('row', { name: /Shop database/ })).toContainText('Done', { timeout: 60_000 });
    await expect(page.locator('.request-header .status-pill')).toHaveText('In progress');
    await panel.getByLabel('What you did in Backups').fill('Added to the erasure replay list; backups roll off within 35 days.');
    // The last checklist item closes the request and emails the requester: it asks for a second, explicit tick.
    await expect(panel).toContainText(`This is the last item: confirming it completes the erasure, closes ${request.reference}`);
    await panel.getByLabel(`Yes, close the request and email ${subject.fullName} (${subject.email})`).check();
    await panel.getByRole('button', { name: 'Confirm Backups' }).click();
    await expect(page.locator('.request-header .status-pill')).toHaveText('Fulfilled', { timeout: 60_000 });
  });

  await test.step("the requester's confirmation lists the systems erased", async () => {
    const email = await waitForEmail(subject.email, {
      subject: new RegExp(`Your personal data has been erased \\(${request.reference}\\)`),
      timeoutMs: 30_000,
    });
    // Each system by the name an admin gave requesters (db/seed/demo-data-sources.json), tables by the map's labels.
    expect(email.text).toContain('Our online shop');
    expect(email.text).toContain('Backups of our systems');
    expect(email.text).not.toContain('Shop database');
    expect(email.text).toContain('Your addresses: 1 record deleted');
    expect(email.text).toContain('Your shop account is closed.');
  });

  await test.step("in the shop: the subject's rows are deleted or anonymised, the neighbour's are unchanged", async () => {
    const after = await readShopRows(subject);
    expect(after.addresses).toEqual([]);
    expect(after.newsletterSubscriptions).toEqual([]);
    expect(after.supportTickets).toEqual([]);
    expect(after.customers).toHaveLength(1);
    expect(after.customers[0]!.email).toMatch(/^erased-/);
    expect(after.customers[0]!.full_name).toMatch(/^erased-/);
    expect(after.customers[0]!.phone).toBeNull();
    expect(after.orders.map((order) => order.id)).toEqual(before.orders.map((order) => order.id));
    expect(after.orders.every((order) => order.shipping_name === null && order.shipping_address === null)).toBe(true);
    expect(after.orders.map((order) => order.total_pence)).toEqual(before.orders.map((order) => order.total_pence));
    expect(await readShopRows(neighbour)).toEqual(neighbourBefore);
  });
});
