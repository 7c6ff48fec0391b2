import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { fileConfirmedRequest } from '../fixtures/confirmed-request';
import { extractLink, waitForEmail } from '../fixtures/mail-inbox';
import { uniqueEmail } from '../fixtures/requests';
import { openRequestAction } from '../fixtures/request-actions';
import { signedInStaff } from '../fixtures/staff';

// Each test files and confirms a request and signs staff in through real email: slower than the default minute.
test.describe.configure({ timeout: 180_000 });

const definition = (page: import('@playwright/test').Page, term: string) =>
  page.locator('dt', { hasText: term }).locator('xpath=following-sibling::dd[1]');

test('[agent] claims the next request, extends it and releases the package with an extra file; the requester is emailed and downloads it', async ({
  page,
  browser,
}) => {
  const requesterContext = await browser.newContext();
  const requesterPage = await requesterContext.newPage();
  const agent = await signedInStaff(page, 'agent');
  const input = { email: uniqueEmail('claimed'), fullName: 'Katherine Johnson' };

  let reference = '';
  let statusPath = '';
  await test.step('a request received by letter three weeks ago is entered and left unassigned', async () => {
    // Received 20 days ago under GDPR (one month): due in about ten days, so it is the most
    // urgent request in the queue, and still within the first period, so it can be extended.
    const receivedOn = new Date(Date.now() - 20 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
    await page.goto('/staff/requests/new');
    await page.getByLabel(/^Access/).check();
    await page.getByLabel('Requester’s email address').fill(input.email);
    await page.getByLabel('Full name').fill(input.fullName);
    await page.getByLabel('Jurisdiction').selectOption({ label: 'EU/EEA — GDPR' });
    await page.getByLabel('Date received').fill(receivedOn);
    await page.getByLabel('Letter').check();
    await page.getByLabel('How identity was checked').fill('Signed letter; matched the postal address on the account.');
    await page.getByRole('button', { name: 'File request' }).click();
    await expect(page).toHaveURL(/\/staff\/requests\/DSR-\d{4}-\d{6,}$/);
    reference = /DSR-\d{4}-\d{6,}/.exec(page.url())![0];
    await page.getByRole('button', { name: 'Unassign' }).click();
    await expect(page.getByText('Not assigned')).toBeVisible();
    const acknowledgement = await waitForEmail(input.email, { subject: new RegExp(`We received your request ${reference}`) });
    statusPath = new URL(extractLink(acknowledgement.text, '/status/')).pathname;
  });

  await test.step('claim the next request from the queue: it is this one, now mine', async () => {
    await page.goto('/staff');
    await page.getByRole('button', { name: 'Claim next request' }).click();
    await expect(page).toHaveURL(new RegExp(`/staff/requests/${reference}\\?done=claimed$`));
    await expect(page.getByRole('status')).toContainText(`You claimed ${reference}.`);
    await expect(page.getByRole('heading', { level: 1, name: `Request ${reference}` })).toBeVisible();
    await expect(definition(page, 'Email')).toHaveText(input.email);
    await expect(page.getByText(`Assigned to ${agent.name}`)).toBeVisible();
  });

  await test.step('start work', async () => {
    await page.getByRole('button', { name: 'Start work' }).click();
    await expect(page.getByRole('status')).toContainText('Work started');
    await expect(page.locator('.request-header .status-pill')).toHaveText('In progress');
  });

  const reason = 'We hold your records in three systems and need to collect them all.';
  await test.step('extend the deadline with a reason; the requester is emailed', async () => {
    await openRequestAction(page, 'Extend the deadline');
    await expect(page.getByText('The requester is emailed the new due date and your reason')).toBeVisible();
    // The new date defaults to the legal maximum; the agent may choose an earlier one.
    await expect(page.getByLabel('New due date')).toHaveAttribute('max', /^\d{4}-\d{2}-\d{2}$/);
    await page.getByLabel('Reason for the extension').fill(reason);
    await page.getByRole('button', { name: 'Extend deadline' }).click();
    await expect(page.getByRole('status')).toContainText('Deadline extended');
    await expect(definition(page, 'Extension')).toContainText(reason);
    await expect(page.getByRole('button', { name: 'Extend deadline' })).toHaveCount(0);
    const extended = await waitForEmail(input.email, { subject: new RegExp(`We need more time for ${reference}`) });
    expect(extended.text).toContain(reason);
  });

  const message = 'Here is a copy of the personal data we hold about you.';
  const fileContent = 'field,value\nname,Ada Lovelace\n';
  await test.step('release the gathered package with an extra file the sources do not cover; the requester is emailed', async () => {
    // Accepting the request gathered from the demo shop by itself; once the package is built, releasing
    // it is the one way to close, and fulfilling by hand is no longer offered.
    await expect(page.getByRole('button', { name: 'Release to the requester' })).toBeVisible({ timeout: 60_000 });
    await page.locator('details.action-menu > summary').click();
    await expect(page.locator('details.action-menu__item > summary', { hasText: /^Fulfil the request$/ })).toHaveCount(0);
    await page.getByLabel('Message sent with the package').fill(message);
    await page
      .getByLabel('Extra files (optional)')
      .setInputFiles({ name: 'your-data.csv', mimeType: 'text/csv', buffer: Buffer.from(fileContent) });
    await page.getByRole('button', { name: 'Release to the requester' }).click();
    await expect(page.getByRole('status')).toContainText('Package released');
    await expect(page.locator('.request-header .status-pill')).toHaveText('Fulfilled');
    await expect(page.getByRole('link', { name: 'your-data.csv' })).toBeVisible();
    await expect(page.getByRole('link', { name: `${reference}-your-data.zip` })).toBeVisible();
    const fulfilled = await waitForEmail(input.email, { subject: new RegExp(`Your request ${reference} is complete`) });
    expect(fulfilled.text).toContain(message);
    expect(fulfilled.text).toContain('2 files are ready to download');
  });

  await test.step('the requester sees the answer on their status page and downloads the file', async () => {
    await requesterPage.goto(statusPath);
    await expect(definition(requesterPage, 'Status')).toHaveText('Fulfilled');
    await expect(requesterPage.getByText(message)).toBeVisible();
    await expect(requesterPage.getByRole('listitem').filter({ hasText: 'We extended the deadline' })).toBeVisible();
    const [download] = await Promise.all([
      requesterPage.waitForEvent('download'),
      requesterPage.getByRole('link', { name: 'your-data.csv' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('your-data.csv');
    expect(await readFile((await download.path())!, 'utf8')).toBe(fileContent);

    const href = await requesterPage.getByRole('link', { name: 'your-data.csv' }).getAttribute('href');
    const response = await requesterPage.request.get(href!);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('text/csv');
    expect(response.headers()['content-disposition']).toContain('attachment');
    expect(response.headers()['cache-control']).toContain('no-store');

    const otherToken = statusPath.replace(/\/status\/.+$/, `/status/${'A'.repeat(43)}`);
    const wrongOwner = await requesterPage.request.get(href!.replace(statusPath, otherToken));
    expect(wrongOwner.status()).toBe(404);
  });

  await test.step('the staff page records the downloads', async () => {
    await page.reload();
    await expect(page.getByRole('listitem').filter({ hasText: 'File downloaded' }).first()).toBeVisible();
  });
  await requesterContext.close();
});

test('[agent] acting on a request already changed in another tab is told the page is stale', async ({ page, context }) => {
  const { reference } = await fileConfirmedRequest(page);
  await signedInStaff(page, 'agent');
  const otherTab = await context.newPage();
  await page.goto(`/staff/requests/${reference}`);
  await otherTab.goto(`/staff/requests/${reference}`);

  await page.getByRole('button', { name: 'Start work' }).click();
  await expect(page.getByRole('status')).toContainText('Work started');

  await openRequestAction(otherTab, 'Ask the requester a question');
  await otherTab.getByLabel('Your question to the requester').fill('Please send a copy of a utility bill.');
  await otherTab.getByRole('button', { name: 'Send question' }).click();
  await expect(otherTab.getByRole('alert').filter({ hasText: 'changed since' })).toContainText('This request changed since you opened it');
  await expect(otherTab.getByLabel('Your question to the requester')).toHaveValue('Please send a copy of a utility bill.');
  await otherTab.getByRole('link', { name: 'Reload the request' }).click();
  await expect(otherTab.locator('.request-header .status-pill')).toHaveText('In progress');
});
