import { expect, test } from '@playwright/test';
import { signedInStaff } from '../fixtures/staff';

// Staff sign in through real magic-link emails: slower than the default minute on a busy machine.
test.describe.configure({ timeout: 180_000 });

test('[auditor] verifies the audit log, sees it intact, and finds the check listed as a recorded run', async ({ page }) => {
  const auditor = await signedInStaff(page, 'auditor');
  await page.getByRole('navigation', { name: 'Staff' }).getByRole('link', { name: 'Audit', exact: true }).click();
  // The audit pages' own menu and the overview's text both link to it.
  await page.getByRole('link', { name: 'Verify the audit trail' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Verify the audit log' })).toBeVisible();

  await page.getByRole('button', { name: 'Verify the audit log now' }).click();
  const result = page.getByRole('region', { name: 'The audit log is intact' });
  await expect(result).toBeVisible();
  // Signing the auditor in already wrote events, so the chain cannot be empty.
  await expect(result.getByText(/^event \d+$/)).toBeVisible();
  await expect(result.locator('code.audit-hash').last()).toHaveText(/^[0-9a-f]{64}$/);
  // The worker seals every second: the next check covers a signed tree head.
  await page.getByRole('button', { name: 'Verify the audit log now' }).click();
  await expect(page.getByRole('region', { name: 'The audit log is intact' }).getByText(/^size \d+, signed/)).toBeVisible();

  await page.reload();
  const runs = page.getByRole('table', { name: 'Recent checks' });
  await expect(runs.getByRole('row').nth(1)).toContainText(auditor.name);
  await expect(runs.getByRole('row').nth(1)).toContainText('Intact');
});

test('[agent] has no audit log link and is told the page is not for them', async ({ page }) => {
  await signedInStaff(page, 'agent');
  await expect(page.getByRole('navigation', { name: 'Staff' }).getByRole('link', { name: 'Audit', exact: true })).toHaveCount(0);
  const response = await page.goto('/staff/audit/verify');
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { level: 1, name: 'You don’t have access to this page' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Verify the audit log' })).toHaveCount(0);
});
