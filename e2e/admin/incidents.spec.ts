import { expect, test } from '@playwright/test';
import { signedInStaff } from '../fixtures/staff';

// Staff sign in through real email.
test.describe.configure({ timeout: 120_000 });

test('[admin] records a breach, sees the 72-hour clocks, records the regulator notification and the clock stops; an auditor reads it', async ({
  page,
  browser,
}) => {
  const title = `Public file share ${Date.now()}`;
  await signedInStaff(page, 'admin');
  await page.goto('/staff');
  await page.getByRole('navigation', { name: 'Staff' }).getByRole('link', { name: 'Incidents' }).click();
  await page.getByRole('link', { name: 'Record a breach' }).click();

  // Sent empty of its required text: field errors, nothing recorded.
  await page.getByLabel('Title').fill('');
  await page.getByRole('button', { name: 'Record the breach' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Please correct the problems below.' })).toBeVisible();
  await expect(page.getByLabel('Title')).toHaveAccessibleDescription(/Give the incident a short title/);

  await page.getByLabel('Title').fill(title);
  await page.getByLabel('What happened').fill('A customer export was reachable without sign-in.');
  await page.getByLabel(/^UK GDPR/).check();
  await page.getByLabel(/^GDPR \(EU\/EEA\)/).uncheck();
  await page.getByLabel('Contact details (email, phone, address)').check();
  await page.getByRole('button', { name: 'Record the breach' }).click();

  await expect(page).toHaveURL(/\/staff\/incidents\/INC-\d{4}-\d{4,}$/);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const clock = page.getByRole('table', { name: /Deadlines to notify the regulator/ });
  await expect(clock.getByRole('row', { name: /UK GDPR/ })).toContainText(/2 days 2[23] hours left/);
  await expect(clock.getByRole('row', { name: /UK GDPR/ })).toContainText('the ICO');
  const reference = /INC-\d{4}-\d{4,}/.exec(page.url())![0];

  await page.getByText('Record the regulator notification').click();
  await page.getByLabel('How').fill('ICO breach reporting form');
  await page.getByLabel('Their reference (optional)').fill('IC-555-1234');
  await page.getByRole('button', { name: 'Record the notification' }).click();
  await expect(clock.getByRole('row', { name: /UK GDPR/ })).toContainText('Clock stopped');
  await expect(page.getByText('by ICO breach reporting form (their reference IC-555-1234)')).toBeVisible();
  await expect(page.getByRole('list').filter({ hasText: 'Breach recorded' })).toContainText('Regulator notification recorded');

  const auditorContext = await browser.newContext();
  const auditor = await auditorContext.newPage();
  try {
    await signedInStaff(auditor, 'auditor');
    await auditor.goto('/staff/incidents');
    await expect(auditor.getByRole('link', { name: 'Record a breach' })).toHaveCount(0);
    await expect(auditor.getByRole('row', { name: new RegExp(reference) })).toContainText('Notified');
    await auditor.getByRole('link', { name: reference }).click();
    await expect(auditor.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(auditor.getByText('Edit the incident')).toHaveCount(0);
    const download = auditor.waitForEvent('download');
    await auditor.goto('/staff/incidents');
    await auditor.getByRole('link', { name: 'Download the breach register (CSV)' }).click();
    const register = await (await download).path();
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(register, 'utf8')).toContain(`${reference},${title}`);
  } finally {
    await auditorContext.close();
  }
});

test('[agent] gets "You don’t have access to this page" (403) for incidents', async ({ page }) => {
  await signedInStaff(page, 'agent');
  await page.goto('/staff');
  await expect(page.getByRole('navigation', { name: 'Staff' }).getByRole('link', { name: 'Incidents' })).toHaveCount(0);
  const response = await page.goto('/staff/incidents');
  expect(response?.status()).toBe(403);
});
