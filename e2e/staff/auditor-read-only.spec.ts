import { expect, test } from '@playwright/test';
import { fileConfirmedRequest } from '../fixtures/confirmed-request';
import { signedInStaff } from '../fixtures/staff';

// Each test files and confirms a request and signs staff in through real email: slower than the default minute.
test.describe.configure({ timeout: 180_000 });

test('[auditor] reads a request without any control, and a replayed "Start work" server action is refused', async ({ page, browser }) => {
  const { reference } = await fileConfirmedRequest(page);

  const agentContext = await browser.newContext();
  const agentPage = await agentContext.newPage();
  await signedInStaff(agentPage, 'agent');
  await agentPage.goto(`/staff/requests/${reference}`);

  // Capture the agent's real "Start work" POST, and stop it before it reaches the server,
  // so the request stays "Received" and only the auditor's replay could change it.
  const captured = new Promise<{ url: string; headers: Record<string, string>; body: Buffer }>((resolve) => {
    void agentPage.route(`**/staff/requests/${reference}`, async (route) => {
      const request = route.request();
      if (request.method() === 'POST' && request.headers()['next-action']) {
        resolve({ url: request.url(), headers: request.headers(), body: request.postDataBuffer() ?? Buffer.alloc(0) });
        await route.abort();
        return;
      }
      await route.continue();
    });
  });
  await agentPage.getByRole('button', { name: 'Start work' }).click();
  const startWork = await captured;

  const auditorContext = await browser.newContext();
  const auditorPage = await auditorContext.newPage();
  await signedInStaff(auditorPage, 'auditor');
  await auditorPage.goto(`/staff/requests/${reference}`);
  await expect(auditorPage.getByRole('heading', { level: 1, name: `Request ${reference}` })).toBeVisible();
  await expect(auditorPage.getByText('You have read-only access to this request.')).toBeVisible();

  await test.step('no button or form changes anything', async () => {
    const buttonNames = await auditorPage.getByRole('button').evaluateAll((buttons) => buttons.map((button) => button.textContent?.trim()));
    expect(buttonNames).toEqual(['Sign out']);
    await expect(auditorPage.locator('form')).toHaveCount(0);
    await expect(auditorPage.locator('textarea, select, input:not([type=hidden])')).toHaveCount(0);
  });

  await test.step('the forged server-action POST with the auditor’s cookies is refused', async () => {
    const response = await auditorPage.request.post(startWork.url, {
      headers: {
        'next-action': startWork.headers['next-action']!,
        'content-type': startWork.headers['content-type']!,
        accept: 'text/x-component',
      },
      data: startWork.body,
    });
    expect(await response.text()).toContain('Your role does not allow this action.');
  });

  await test.step('the request is unchanged', async () => {
    await agentPage.unroute(`**/staff/requests/${reference}`);
    await agentPage.goto(`/staff/requests/${reference}`);
    await expect(agentPage.locator('.request-header .status-pill')).toHaveText('Received');
    await expect(agentPage.getByRole('listitem').filter({ hasText: 'Work started' })).toHaveCount(0);
    await expect(agentPage.getByRole('button', { name: 'Start work' })).toBeVisible();
  });

  await agentContext.close();
  await auditorContext.close();
});

test('[auditor] is offered only what an auditor can use: every menu link opens, the queue has no claim, selection or claim shortcut; incidents are read-only', async ({
  page,
}) => {
  await signedInStaff(page, 'auditor');
  await page.goto('/staff');

  await test.step('every link in the staff menu opens a page the auditor may see', async () => {
    const hrefs = await page
      .getByRole('navigation', { name: 'Staff' })
      .getByRole('link')
      .evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).getAttribute('href')));
    expect(hrefs).toEqual(expect.arrayContaining(['/staff', '/staff/reports', '/staff/incidents', '/staff/audit']));
    expect(hrefs).not.toContain('/staff/requests/new');
    expect(hrefs).not.toContain('/staff/settings');
    for (const href of hrefs) {
      const response = await page.goto(href!);
      expect(response?.status(), href!).toBe(200);
      await expect(page.getByRole('heading', { name: 'You don’t have access to this page' })).toHaveCount(0);
    }
  });

  await test.step('the queue: no claim button, no row selection or bulk bar, and the shortcut list leaves out "c"', async () => {
    await page.goto('/staff');
    await expect(page.getByRole('button', { name: 'Claim next request' })).toHaveCount(0);
    await expect(page.locator('input[type=checkbox][name=references]')).toHaveCount(0);
    await expect(page.getByRole('checkbox', { name: /select all/i })).toHaveCount(0);
    await page.getByRole('button', { name: '? for shortcuts' }).click();
    const shortcuts = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(shortcuts).toBeVisible();
    await expect(shortcuts.locator('kbd')).toHaveText(['j', 'k', 'Enter', '/', '?']);
    await shortcuts.getByRole('button', { name: 'Close' }).click();
  });

  await test.step('incidents: readable, without the button to open one', async () => {
    await page.goto('/staff/incidents');
    await expect(page.getByRole('heading', { level: 1, name: 'Personal data breaches' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Download the breach register (CSV)' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Record a breach' })).toHaveCount(0);
  });
});
