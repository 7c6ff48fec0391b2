import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { insertShopCustomerAndNeighbour, uniqueShopEmail } from '../fixtures/demo-shop';
import { waitForEmail } from '../fixtures/mail-inbox';
import { signedInStaff } from '../fixtures/staff';

// Staff sign in through real email; the search and the notices run on the worker.
test.describe.configure({ timeout: 180_000 });

test('[admin] opens an incident, finds the affected shop customers, records the regulator notification and sends the notice; a notified customer receives it', async ({
  page,
}) => {
  // Two customers of the spec's own, under one made-up name: the filter picks them and nobody else in the shop.
  const name = `Breach Target ${randomUUID().slice(0, 8)}`;
  const first = await insertShopCustomerAndNeighbour({ fullName: name, email: uniqueShopEmail('breach-a') });
  const second = await insertShopCustomerAndNeighbour({ fullName: name, email: uniqueShopEmail('breach-b') });
  const subject = `Your shop details may have been seen (${name})`;

  await signedInStaff(page, 'admin');
  await page.goto('/staff/incidents/new');
  await page.getByLabel('Title').fill(`Shop customers exposed ${name}`);
  await page.getByLabel('What happened').fill('A report of customers was reachable without sign-in.');
  await page.getByLabel(/^UK GDPR/).check();
  await page.getByLabel(/^GDPR \(EU\/EEA\)/).uncheck();
  await page.getByRole('group', { name: 'Systems involved' }).getByLabel('Shop database').check();
  await page.getByLabel('Contact details (email, phone, address)').check();
  await page.getByRole('button', { name: 'Record the breach' }).click();
  await expect(page).toHaveURL(/\/staff\/incidents\/INC-\d{4}-\d{4,}$/);

  // Who is affected: a dry run first, then the run.
  await page.getByText('Find affected people in a system').click();
  const lookup = page.getByRole('form', { name: 'Find affected people' });
  await lookup.getByLabel('System').selectOption({ label: 'Shop database' });
  await lookup.getByLabel('Table').fill('customers');
  await lookup.getByLabel('Column', { exact: true }).fill('full_name');
  await lookup.getByLabel('Comparison').selectOption('=');
  await lookup.getByLabel('Value', { exact: true }).fill(name);
  await lookup.getByRole('button', { name: 'Dry run' }).click();
  await expect(page.getByText('Dry run: 2 people found.')).toBeVisible();
  await expect(page.getByText(first.subject.email.toLowerCase())).toBeVisible();
  await expect(page.getByText(first.neighbour.email.toLowerCase())).toHaveCount(0);
  await page.getByRole('form', { name: 'Find affected people' }).getByRole('button', { name: 'Find them' }).click();
  await expect(page.getByText('Search started')).toBeVisible();
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId('affected-count')).toHaveText('2', { timeout: 1000 });
  }).toPass({ timeout: 60_000 });

  // The regulator notification stops the clock.
  await page.getByText('Record the regulator notification').click();
  await page.getByLabel('How').fill('ICO breach reporting form');
  await page.getByRole('button', { name: 'Record the notification' }).click();
  await expect(page.getByText('by ICO breach reporting form')).toBeVisible();

  // The notice: written, previewed, sent.
  const notice = page.getByRole('form', { name: 'Notice to the people affected' });
  await notice.getByLabel('Email subject').fill(subject);
  await notice.getByLabel('What happened').fill('A report listing some customers was left where anyone with its link could open it.');
  await notice.getByLabel('What data of yours was involved').fill('Your name, email address and phone number.');
  await notice.getByLabel('What we have done').fill('We removed the report and told the ICO.');
  await notice.getByLabel('What you can do').fill('Be wary of messages about your orders that ask for passwords.');
  await notice.getByLabel('Who to contact').fill('dpo@shop.example');
  await notice.getByRole('button', { name: 'Save and preview' }).click();
  await expect(page.getByTestId('notice-preview')).toContainText('left where anyone with its link could open it');
  await page.getByRole('button', { name: 'Send the notice to 2 people' }).click();
  // The send form gives way to the sending's record.
  await expect(page.getByText(/^Sent on .+ to everyone on the list\.$/)).toBeVisible();

  const received = await waitForEmail(second.subject.email, { subject: /Your shop details may have been seen/, timeoutMs: 60_000 });
  expect(received.subject).toBe(subject);
  expect(received.text).toContain('left where anyone with its link could open it');
  expect(received.text).toContain('dpo@shop.example');
  await waitForEmail(first.subject.email, { subject: /Your shop details may have been seen/, timeoutMs: 30_000 });

  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId('notice-sent')).toHaveText('2', { timeout: 1000 });
  }).toPass({ timeout: 60_000 });
  await page.getByRole('link', { name: 'Open the printable incident report' }).click();
  await expect(page.getByTestId('report-people')).toHaveText('2');
  await expect(page.getByTestId('report-regulator')).toContainText('ICO breach reporting form');
  await expect(page.getByTestId('report-notice')).toContainText('We removed the report and told the ICO.');
});
