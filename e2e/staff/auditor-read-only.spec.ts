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
