import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { LOCALE_COOKIE } from '../../lib/i18n/locale-cookie';
import { supportedLocales } from '../../lib/i18n/locales';
import { fileConfirmedRequest } from '../fixtures/confirmed-request';
import { e2eBaseUrl } from '../fixtures/e2e-ports';
import { signedInStaff } from '../fixtures/staff';

// Signs in through real email and visits some twenty pages, each scanned in full: minutes on a loaded machine.
test.describe.configure({ timeout: 600_000 });

/** Every WCAG 2.x A/AA rule axe-core knows, on the whole page as it is now. */
async function expectNoViolations(page: Page, path: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const summary = violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
  expect(summary, `axe violations on ${path}`).toEqual([]);
}

test('[everyone] every public and staff page passes the axe-core scan with zero violations', async ({ page }) => {
  const request = await fileConfirmedRequest(page, { type: 'deletion' });
  await test.step('public pages', async () => {
    for (const path of ['/', '/request', '/find-request', '/verify/new-link', request.statusPath, '/staff/sign-in']) {
      await page.goto(path);
      await expectNoViolations(page, path);
    }
  });

  await signedInStaff(page, 'admin');
  await test.step('staff pages', async () => {
    for (const path of [
      '/staff',
      `/staff?q=${request.reference}`,
      `/staff/requests/${request.reference}`,
      '/staff/requests/new',
      '/staff/reports',
      '/staff/incidents',
      '/staff/incidents/new',
      '/staff/team',
      '/staff/settings',
      '/staff/settings/sources',
      '/staff/settings/sources/new',
      '/staff/settings/api-keys',
      '/staff/settings/webhooks',
      '/staff/audit',
      '/staff/audit/verify',
    ]) {
      await page.goto(path);
      await expectNoViolations(page, path);
    }
  });

  await test.step('the request page with More actions and a form open', async () => {
    await page.goto(`/staff/requests/${request.reference}`);
    await page.locator('details.action-menu > summary').click();
    await page.locator('details.action-menu__item > summary').first().click();
    await expectNoViolations(page, `/staff/requests/${request.reference} (menu open)`);
  });

  await test.step('the queue on a 390 px phone, menu open', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/staff');
    await page.getByRole('button', { name: 'Menu' }).click();
    await expectNoViolations(page, '/staff (phone)');
  });
});

test('[requester] the public pages pass the axe-core scan in every language, with the page’s lang set to it', async ({ page, context }) => {
  const request = await fileConfirmedRequest(page, { type: 'access' });
  for (const locale of supportedLocales.filter((code) => code !== 'en')) {
    await test.step(locale, async () => {
      await context.addCookies([{ name: LOCALE_COOKIE, value: locale, url: e2eBaseUrl }]);
      for (const path of ['/', '/request', '/find-request', '/verify/new-link']) {
        await page.goto(path);
        await expect(page.locator('html')).toHaveAttribute('lang', locale);
        await expectNoViolations(page, `${path} (${locale})`);
      }
      // The status page speaks the request's own language, whatever the browser asks for.
      await page.goto(request.statusPath);
      await expectNoViolations(page, `${request.statusPath} (${locale} cookie)`);
    });
  }
});
