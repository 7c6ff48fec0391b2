import { expect, test } from '@playwright/test';
import { signedInStaff } from '../fixtures/staff';
import { seedVerifiedRequest } from '../fixtures/verified-request';

test.describe.configure({ timeout: 120_000 });

test('[agent] searches by part of a name, across open and closed, and moves through the queue with the keyboard', async ({ page }) => {
  const surname = `Quill${Date.now().toString(36)}`;
  const seeded = await seedVerifiedRequest(page, { fullName: `Ada ${surname}` });
  await signedInStaff(page, 'agent');
  await page.goto('/staff');

  await test.step('/ jumps to the search box; part of the surname finds the request and says closed ones are included', async () => {
    await page.locator('body').press('/');
    await expect(page.getByLabel('Search by name, email or reference')).toBeFocused();
    await page.keyboard.type(surname.slice(2).toLowerCase());
    await page.keyboard.press('Enter');
    await expect(page.getByRole('rowheader', { name: seeded.reference })).toBeVisible();
    await expect(page.getByText(/Showing open and closed requests matching/)).toBeVisible();
    await expect(page.getByRole('row').filter({ hasText: seeded.reference })).toContainText(`Ada ${surname}`);
  });

  await test.step('part of the email address and part of the reference find it too', async () => {
    await page.goto(`/staff?q=${encodeURIComponent(seeded.email.slice(0, seeded.email.indexOf('@') + 3))}`);
    await expect(page.getByRole('rowheader', { name: seeded.reference })).toBeVisible();
    await page.goto(`/staff?q=${seeded.reference.slice(-9)}`);
    await expect(page.getByRole('rowheader', { name: seeded.reference })).toBeVisible();
  });

  await test.step('j and k move between rows, Enter opens one; ? lists the shortcuts', async () => {
    await page.goto('/staff');
    await page.locator('body').press('j');
    const first = page.locator('[data-queue-row-link]').first();
    await expect(first).toBeFocused();
    await page.keyboard.press('j');
    await expect(page.locator('[data-queue-row-link]').nth(1)).toBeFocused();
    await page.keyboard.press('k');
    await expect(first).toBeFocused();
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(help).toBeVisible();
    await expect(help).toContainText('Claim the next request');
    await page.keyboard.press('Escape');
    await expect(help).toBeHidden();
    const href = await first.getAttribute('href');
    await first.focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`${href}$`));
  });

  await test.step('the bulk bar appears only once a row is ticked', async () => {
    await page.goto(`/staff?q=${seeded.reference}`);
    await expect(page.getByRole('button', { name: 'Apply to selected' })).toBeHidden();
    await page.getByRole('checkbox', { name: `Select ${seeded.reference}` }).check();
    await expect(page.getByRole('button', { name: 'Apply to selected' })).toBeVisible();
  });
});

test.describe('on a 390 px phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('[agent] the queue and a request page fit the screen: no sideways scrolling, cards, folded navigation', async ({ page }) => {
    const seeded = await seedVerifiedRequest(page, { fullName: 'Grace Brewster Murray Hopper' });
    await signedInStaff(page, 'agent');

    for (const path of ['/staff', `/staff?q=${seeded.reference}`, `/staff/requests/${seeded.reference}`]) {
      await page.goto(path);
      const { scrollWidth, clientWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
      }));
      expect(scrollWidth, `${path} scrolls sideways`).toBeLessThanOrEqual(clientWidth);
    }

    await page.goto(`/staff?q=${seeded.reference}`);
    // The table's head is hidden; each cell carries its own label.
    await expect(page.locator('.queue-table thead')).toHaveCSS('position', 'absolute');
    await expect(page.locator('.queue-table tr').filter({ hasText: seeded.reference })).toHaveCSS('display', 'block');

    const menu = page.getByRole('button', { name: 'Menu' });
    await expect(menu).toBeVisible();
    await expect(page.getByRole('link', { name: 'Reports' })).toBeHidden();
    await menu.click();
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    await expect(page.getByRole('navigation', { name: 'Staff' }).getByRole('link', { name: 'Queue' })).toBeVisible();
  });
});
