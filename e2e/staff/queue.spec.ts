import { expect, type Page, test } from '@playwright/test';
import { signedInStaff } from '../fixtures/staff';
import { seedVerifiedRequest } from '../fixtures/verified-request';

// Claim next is exercised in work-a-request.spec.ts, the suite's only claimer.
// Other specs share the app and its queue, so each test finds its own rows by
// search or by "assigned to me" (every test signs in a fresh staff member).
// Each test confirms requests and signs in through real email, which takes
// 20-30 s on a loaded machine: twice the default budget keeps them from flaking.
test.describe.configure({ timeout: 120_000 });

async function searchQueue(page: Page, text: string) {
  await page.getByLabel('Search by name, email or reference').fill(text);
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await page.waitForURL((url) => url.searchParams.get('q') === text);
}

test('[agent] sees requests most urgent first with SLA badges', async ({ page }) => {
  const monthly = await seedVerifiedRequest(page, { jurisdiction: 'uk_gdpr' });
  const urgent = await seedVerifiedRequest(page, { jurisdiction: 'br_lgpd', type: 'deletion' });
  await signedInStaff(page, 'agent');

  // Take both requests with the bulk action so the "assigned to me" view holds exactly these two.
  for (const seeded of [monthly, urgent]) {
    await searchQueue(page, seeded.email);
    await page.getByRole('checkbox', { name: `Select ${seeded.reference}` }).check();
    await page.getByLabel('Action', { exact: true }).selectOption({ label: 'Assign' });
    await page.getByLabel('Assign to').selectOption({ label: 'Me' });
    await page.getByRole('button', { name: 'Apply to selected' }).click();
    await expect(page.getByText(`${seeded.reference}: done`)).toBeVisible();
  }

  await page.goto('/staff?assignee=me');
  const rows = page
    .getByRole('table')
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader') });
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0).getByRole('rowheader')).toHaveText(urgent.reference);
  await expect(rows.nth(1).getByRole('rowheader')).toHaveText(monthly.reference);
  // Brazil's LGPD gives 15 calendar days: due soon is 7, so the badge reads "15 days left".
  await expect(rows.nth(0)).toContainText('15 days left');
  await expect(rows.nth(1)).toContainText(/\d+ days left/);
  await expect(rows.nth(0).getByRole('link', { name: urgent.reference })).toHaveAttribute('href', `/staff/requests/${urgent.reference}`);
});

test('[agent] filters by type via the form and the URL keeps the filter', async ({ page }) => {
  const deletion = await seedVerifiedRequest(page, { type: 'deletion' });
  await signedInStaff(page, 'agent');

  await page.getByLabel('Type', { exact: true }).selectOption({ label: 'Deletion' });
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/[?&]type=deletion/);
  const typeCells = page
    .getByRole('table')
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader') })
    .locator('td[data-label="Type"]');
  // The cell also carries badges (an appeal, via an agent, the identity check reached): the type is its first word.
  await expect(typeCells.first()).toHaveText(/^(Appeal\s*)?Deletion\b/);
  expect((await typeCells.allTextContents()).every((text) => /^(Appeal\s*)?Deletion\b/.test(text.trim()))).toBe(true);

  await searchQueue(page, deletion.email);
  await expect(page).toHaveURL(/[?&]type=deletion/);
  await expect(page.getByRole('rowheader', { name: deletion.reference })).toBeVisible();

  // The URL alone reproduces the view: a shared link, or a reload.
  await page.goto(page.url());
  await expect(page.getByLabel('Type', { exact: true })).toHaveValue('deletion');
  await expect(page.getByRole('rowheader', { name: deletion.reference })).toBeVisible();

  await page.goto(`/staff?type=access&q=${encodeURIComponent(deletion.email)}`);
  await expect(page.getByRole('heading', { name: 'No requests match these filters' })).toBeVisible();
  await page.getByRole('link', { name: 'Clear filters' }).first().click();
  await expect(page).toHaveURL(/\/staff$/);
});

test('[auditor] sees no claim button, no checkboxes, no bulk controls', async ({ page }) => {
  const seeded = await seedVerifiedRequest(page);
  await signedInStaff(page, 'auditor');

  await searchQueue(page, seeded.reference);
  await expect(page.getByRole('rowheader', { name: seeded.reference })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Claim next request' })).toHaveCount(0);
  await expect(page.getByRole('checkbox', { name: /^Select/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Apply to selected' })).toHaveCount(0);
  await expect(page.getByRole('form', { name: 'Bulk actions' })).toHaveCount(0);
});
