import { expect, type Page, test } from '@playwright/test';
import { fileConfirmedRequest } from '../fixtures/confirmed-request';
import { e2eBaseUrl } from '../fixtures/e2e-ports';

test.describe.configure({ timeout: 120_000 });

/** The pseudo-locale (accented English, 40 % longer): text a translation would make longer must wrap, never widen the page. */
async function usePseudoLocale(page: Page): Promise<void> {
  await page.context().addCookies([{ name: 'dsr_locale', value: 'en-XA', url: e2eBaseUrl }]);
}

async function expectNoHorizontalOverflow(page: Page, what: string): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('lang', 'en-XA');
  // Every heading comes from a message file: untranslated text would have no pseudo-locale brackets.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^⟦.*⟧$/);
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, `${what} is wider than the window`).toBeLessThanOrEqual(clientWidth);
}

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 360, height: 740 },
]) {
  test(`[requester] every public page fits a ${viewport.width}px window in the pseudo-locale`, async ({ page, browser }) => {
    // The request is filed and confirmed in English first (the fixture reads English emails and buttons).
    const englishContext = await browser.newContext();
    const { statusPath } = await fileConfirmedRequest(await englishContext.newPage());
    await englishContext.close();

    await page.setViewportSize(viewport);
    await usePseudoLocale(page);

    for (const path of [
      '/',
      '/request',
      '/request/sent',
      '/find-request',
      '/verify/not-a-real-link-0000000000000000000000000',
      statusPath,
      '/no-such-page',
    ]) {
      await page.goto(path);
      await expectNoHorizontalOverflow(page, path);
    }

    await test.step('the form with every field error shown', async () => {
      await page.goto('/request');
      await page.locator('form button[type="submit"]').last().click();
      await expect(page.locator('.error-summary')).toBeVisible();
      await expectNoHorizontalOverflow(page, '/request with errors');
    });

    await test.step('the status page with the cancel box open', async () => {
      await page.goto(statusPath);
      await page.locator('details.danger-zone summary').click();
      await expectNoHorizontalOverflow(page, 'the status page');
    });
  });
}
