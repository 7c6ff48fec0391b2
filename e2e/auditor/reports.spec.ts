import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { signedInStaff } from '../fixtures/staff';

// Staff sign in through real email: slower than the default minute.
test.describe.configure({ timeout: 120_000 });

test('[auditor] reads the reports, changes the date range and downloads the figures as CSV', async ({ page }) => {
  await signedInStaff(page, 'auditor');
  await page.getByRole('navigation', { name: 'Staff' }).getByRole('link', { name: 'Reports' }).click();
  await expect(page).toHaveURL(/\/staff\/reports$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Reports' })).toBeVisible();
  for (const heading of ['On time', 'Requests by month', 'Requests by type and status', 'Declined requests by reason']) {
    await expect(page.getByRole('heading', { level: 2, name: heading, exact: true })).toBeVisible();
  }

  await test.step('the annual disclosure table and a chart with its table are there', async () => {
    const lastYear = new Date().getUTCFullYear() - 1;
    await expect(page.getByRole('heading', { level: 2, name: `Annual disclosure ${lastYear}` })).toBeVisible();
    const disclosure = page.getByRole('table', { name: `Requests received in ${lastYear} (CCPA Regulations §7102)` });
    await expect(disclosure.getByRole('rowheader', { name: 'Requests to know (access and export)' })).toBeVisible();
    await expect(disclosure.getByRole('columnheader', { name: 'Complied with in whole or in part' })).toBeVisible();
    const figure = page.locator('figure').filter({ hasText: 'Requests received per month, by type' });
    // The chart itself (the legend's icons are small SVGs of their own).
    await expect(figure.locator('svg').filter({ has: page.locator('.recharts-cartesian-grid') })).toBeVisible();
    await expect(figure.getByRole('table', { name: 'Requests received per month, by type' })).toBeVisible();
  });

  await test.step('a date range goes into the URL', async () => {
    await page.getByLabel('Received from').fill('1990-01-01');
    await page.getByLabel('Received to').fill('1990-12-31');
    await page.getByRole('button', { name: 'Show figures' }).click();
    await expect(page).toHaveURL(/\/staff\/reports\?from=1990-01-01&to=1990-12-31$/);
    await expect(page.getByRole('heading', { level: 2, name: 'No requests in this range' })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Requests received per month, by type' }).getByRole('row')).toHaveCount(13);
  });

  await test.step('an end before the start is shown as a field error', async () => {
    await page.goto('/staff/reports?from=1990-12-31&to=1990-01-01');
    await expect(
      page.getByRole('alert').getByRole('link', { name: 'Received to: The end date must be on or after the start date' }),
    ).toBeVisible();
  });

  await test.step('the summary downloads as CSV with the same range', async () => {
    await page.goto('/staff/reports?from=1990-01-01&to=1990-12-31');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download these figures (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('summary-1990-01-01-to-1990-12-31.csv');
    const lines = (await readFile(await download.path(), 'utf8')).trim().split('\n');
    expect(lines.slice(0, 4)).toEqual(['figure,value', 'received from,1990-01-01', 'received to,1990-12-31', 'requests received,0']);
  });
});

test('[agent] gets "You don’t have access to this page" at /staff/reports and 403 from the CSV download', async ({ page }) => {
  await signedInStaff(page, 'agent');
  await expect(page.getByRole('navigation', { name: 'Staff' }).getByRole('link', { name: 'Reports' })).toHaveCount(0);
  await page.goto('/staff/reports');
  await expect(page.getByRole('heading', { level: 1, name: 'You don’t have access to this page' })).toBeVisible();
  const response = await page.request.get('/api/reports/summary');
  expect(response.status()).toBe(403);
});

test('[visitor] without a session is answered 401 by the CSV download', async ({ request }) => {
  const response = await request.get('/api/reports/annual-disclosure?year=2025');
  expect(response.status()).toBe(401);
});
