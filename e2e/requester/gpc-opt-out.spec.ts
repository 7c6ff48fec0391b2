import { expect, test } from '@playwright/test';
import { extractLink, waitForEmail } from '../fixtures/mail-inbox';
import { uniqueEmail } from '../fixtures/requests';
import { signedInStaff } from '../fixtures/staff';

test.describe.configure({ timeout: 180_000 });

const definition = (page: import('@playwright/test').Page, term: string) =>
  page.locator('dt', { hasText: term }).locator('xpath=following-sibling::dd[1]');

test('[requester] with Global Privacy Control on, the form pre-selects the opt-out of sale; the request records the signal for staff', async ({
  page,
  browser,
}) => {
  const requesterContext = await browser.newContext();
  const requester = await requesterContext.newPage();
  await requester.setExtraHTTPHeaders({ 'Sec-GPC': '1' });
  const email = uniqueEmail('gpc');

  await test.step('the form opens with the opt-out chosen and says why', async () => {
    await requester.goto('/request');
    await expect(requester.getByLabel(/^Opt out of sale or sharing/)).toBeChecked();
    await expect(requester.getByText('Your browser sent a Global Privacy Control signal')).toBeVisible();
  });

  await test.step('a right the region does not give is refused on the type field', async () => {
    await requester.getByLabel('Email address').fill(email);
    await requester.getByLabel('Full name').fill('Ada Lovelace');
    await requester.getByLabel('Where do you live?').selectOption({ label: 'EU/EEA — GDPR' });
    await requester.getByLabel('I am the person named, or authorised to act for them').check();
    await requester.getByRole('button', { name: 'Send request' }).click();
    await expect(requester.locator('#type-error')).toContainText('Opt out of sale or sharing is not a right under EU/EEA — GDPR');
  });

  let reference = '';
  await test.step('filed under California and confirmed from the email', async () => {
    await requester.getByLabel('Where do you live?').selectOption({ label: 'California — CCPA/CPRA' });
    await requester.getByLabel('I am the person named, or authorised to act for them').check();
    await requester.getByRole('button', { name: 'Send request' }).click();
    await expect(requester.getByRole('heading', { level: 1, name: 'Check your email' })).toBeVisible();
    const verification = await waitForEmail(email, { subject: /Confirm your privacy request/ });
    await requester.goto(extractLink(verification.text, '/verify/'));
    await requester.getByRole('button', { name: 'Confirm my request' }).click();
    await expect(requester).toHaveURL(/\/status\//);
    reference = /DSR-\d{4}-\d{6,}/.exec((await requester.getByRole('heading', { level: 1 }).textContent()) ?? '')![0];
    await expect(definition(requester, 'Request')).toContainText('Opt out of sale or sharing');
  });

  await test.step('staff see that the signal came with the request', async () => {
    await signedInStaff(page, 'agent');
    await page.goto(`/staff/requests/${reference}`);
    await expect(definition(page, 'Global Privacy Control')).toContainText('Sec-GPC: 1');
  });
  await requesterContext.close();
});
