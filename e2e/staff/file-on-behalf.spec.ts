import { expect, test } from '@playwright/test';
import { extractLink, waitForEmail } from '../fixtures/mail-inbox';
import { uniqueEmail } from '../fixtures/requests';
import { signedInStaff } from '../fixtures/staff';

// Every test signs staff in through real magic-link emails: slow on a busy machine.
test.describe.configure({ timeout: 180_000 });

test('[agent] files a request received by phone and the requester gets the acknowledgement email with a status link', async ({
  page,
  browser,
}) => {
  await signedInStaff(page, 'agent');
  const requesterEmail = uniqueEmail('phoned-in');

  await page.goto('/staff/requests/new');
  await expect(page.getByRole('heading', { level: 1, name: /File a request on someone/ })).toBeVisible();
  const today = new Date().toISOString().slice(0, 10);
  await expect(page.getByLabel('Date received')).toHaveValue(today);

  await page.getByLabel(/^Deletion/).check();
  await page.getByLabel('Requester’s email address').fill(requesterEmail);
  await page.getByLabel('Full name').fill('Dorothy Vaughan');
  await page.getByLabel('Account identifier (optional)').fill('customer-2212');
  await page.getByLabel('Jurisdiction').selectOption({ label: 'United Kingdom — UK GDPR' });
  await page.getByLabel('Phone call').check();
  await page
    .getByLabel('How identity was checked')
    .fill('Called back on the number held on the account; confirmed postcode and last order.');
  await page.getByLabel('Details (optional)').fill('Wants the account and order history erased.');
  await page.getByRole('button', { name: 'File request' }).click();

  await expect(page).toHaveURL(/\/staff\/requests\/DSR-\d{4}-\d{6,}$/);
  const reference = /DSR-\d{4}-\d{6,}/.exec(page.url())![0];

  const acknowledgement = await waitForEmail(requesterEmail, { subject: new RegExp(`We received your request ${reference}`) });
  const statusLink = extractLink(acknowledgement.text, '/status/');

  const requester = await browser.newPage();
  try {
    await requester.goto(statusLink);
    await expect(requester.getByRole('heading', { level: 1 })).toContainText(reference);
  } finally {
    await requester.close();
  }
});

test('[agent] sees what to correct when the identity check is missing and the date is in the future, with typed values kept', async ({
  page,
}) => {
  await signedInStaff(page, 'agent');
  const requesterEmail = uniqueEmail('letter');
  await page.goto('/staff/requests/new');

  await page.getByLabel(/^Access/).check();
  await page.getByLabel('Requester’s email address').fill(requesterEmail);
  await page.getByLabel('Full name').fill('Mary Jackson');
  await page.getByLabel('Jurisdiction').selectOption({ label: 'Brazil — LGPD' });
  await page.getByLabel('Letter').check();
  await page.getByRole('button', { name: 'File request' }).click();

  await expect(page.getByRole('alert').filter({ hasText: 'Please correct the problems below.' })).toBeVisible();
  await expect(page.getByRole('link', { name: /How identity was checked:/ })).toBeVisible();
  await expect(page.getByLabel('How identity was checked')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Requester’s email address')).toHaveValue(requesterEmail);
  await expect(page.getByLabel('Full name')).toHaveValue('Mary Jackson');
  await expect(page.getByLabel('Letter')).toBeChecked();

  const tomorrow = new Date(Date.now() + 2 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
  await page.getByLabel('Date received').fill(tomorrow);
  await page.getByLabel('How identity was checked').fill('Signed letter on headed paper matching the account address.');
  await page.getByRole('button', { name: 'File request' }).click();

  await expect(page.getByRole('alert').filter({ hasText: 'The date received cannot be in the future.' })).toBeVisible();
  await expect(page.getByLabel('Date received')).toHaveAttribute('aria-invalid', 'true');
  await expect(page).toHaveURL(/\/staff\/requests\/new$/);
});

test('[agent] files for an authorised agent with the person’s signed permission, which the request page lists for them to open', async ({
  page,
}) => {
  await signedInStaff(page, 'agent');
  await page.goto('/staff/requests/new');

  await page.getByLabel(/^Deletion/).check();
  await page.getByLabel('Requester’s email address').fill(uniqueEmail('represented'));
  await page.getByLabel('Full name').fill('Katherine Johnson');
  await page.getByLabel('Jurisdiction').selectOption({ label: 'United Kingdom — UK GDPR' });
  await page.getByLabel('Letter').check();
  await page.getByLabel('How identity was checked').fill('Letter from the agent enclosing a power of attorney; checked the signatures.');
  await page.getByLabel('Agent’s name').fill('Rita Representative');
  await page.getByLabel('Agent’s email address').fill(uniqueEmail('agent'));

  // Neither a permission nor a checked power of attorney: the form says so on the upload field.
  await page.getByRole('button', { name: 'File request' }).click();
  await expect(page.getByRole('link', { name: /Signed permission: Upload the person’s signed permission/ })).toBeVisible();
  await expect(page.getByLabel('Signed permission')).toHaveAttribute('aria-invalid', 'true');

  await page.getByLabel('Signed permission').setInputFiles({
    name: 'signed-permission.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\nI, Katherine Johnson, authorise Rita Representative.\n%%EOF\n'),
  });
  await page.getByLabel('I checked a power of attorney for this agent').check();
  await page.getByRole('button', { name: 'File request' }).click();

  await expect(page).toHaveURL(/\/staff\/requests\/DSR-\d{4}-\d{6,}$/);
  await expect(page.getByRole('heading', { name: 'Agent’s signed permission' })).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'signed-permission.pdf' }).click();
  expect((await download).suggestedFilename()).toBe('signed-permission.pdf');
});

test('[auditor] gets "You don’t have access to this page" when filing on someone’s behalf', async ({ page }) => {
  await signedInStaff(page, 'auditor');
  await page.goto('/staff/requests/new');
  await expect(page.getByRole('heading', { level: 1, name: 'You don’t have access to this page' })).toBeVisible();
});
