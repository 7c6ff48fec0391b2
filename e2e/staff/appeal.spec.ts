import { expect, test } from '@playwright/test';
import { fileConfirmedRequest } from '../fixtures/confirmed-request';
import { waitForEmail } from '../fixtures/mail-inbox';
import { openRequestAction } from '../fixtures/request-actions';
import { signedInStaff } from '../fixtures/staff';

test.describe.configure({ timeout: 240_000 });

test('[requester] appeals a refused Virginia request from the status page; a second agent grants it and the request reopens', async ({
  page,
  browser,
}) => {
  const requesterContext = await browser.newContext();
  const requester = await requesterContext.newPage();
  const { input, reference, statusPath } = await fileConfirmedRequest(requester, { jurisdiction: 'us_va_vcdpa', type: 'deletion' });

  await test.step('the first agent refuses the request; the email says how long an appeal is open', async () => {
    await signedInStaff(page, 'agent');
    await page.goto(`/staff/requests/${reference}`);
    await openRequestAction(page, 'Reject the request');
    await page.getByLabel('A legal exemption applies').check();
    await page.getByLabel('Explanation for the requester (optional)').fill('We must keep these records for tax law.');
    // Rejecting closes the request and emails the requester: a second, explicit tick first.
    await page.getByLabel(new RegExp(`^Yes, close ${reference} and email`)).check();
    await page.getByRole('button', { name: 'Reject request' }).click();
    await expect(page.getByRole('status')).toContainText('Request rejected');
    const refusal = await waitForEmail(input.email, { subject: new RegExp(`Update on your request ${reference}`) });
    expect(refusal.text).toMatch(/You can appeal this decision until/);
  });

  let appealReference = '';
  await test.step('the requester appeals from the status page with a reason', async () => {
    await requester.goto(statusPath);
    await expect(requester.getByRole('heading', { name: 'Appeal' })).toBeVisible();
    await requester.getByRole('button', { name: 'Appeal' }).click();
    await expect(requester.locator('#reason-error')).toContainText('Enter why you disagree with our decision');
    await requester.getByLabel('Why you disagree').fill('My account was closed three years ago; the tax period is over.');
    await requester.getByRole('button', { name: 'Appeal' }).click();
    await expect(requester.getByRole('status')).toContainText('we have your appeal');
    appealReference = /DSR-\d{4}-\d{6,}/.exec((await requester.getByText(/Your appeal DSR-/).textContent()) ?? '')![0];
  });

  await test.step('the refusing agent may not decide it', async () => {
    await page.goto(`/staff/requests/${reference}`);
    await page.getByRole('link', { name: appealReference }).click();
    await expect(page.locator('.status-pill--appeal')).toHaveText('Appeal');
    await page.getByLabel('Deny: keep the refusal').check();
    await page.getByLabel('Message to the requester').fill('The exemption stands.');
    await page.getByRole('button', { name: 'Decide appeal' }).click();
    await expect(page.getByText('You refused this request, so a colleague must decide its appeal.').first()).toBeVisible();
  });

  await test.step('a second agent finds it in the queue with its badge and grants it; the request reopens', async () => {
    const secondContext = await browser.newContext();
    const second = await secondContext.newPage();
    await signedInStaff(second, 'agent');
    await second.goto('/staff');
    const row = second.getByRole('row').filter({ hasText: appealReference });
    await expect(row.getByText('Appeal', { exact: true })).toBeVisible();
    await second.goto(`/staff/requests/${appealReference}`);
    await second.getByLabel(`Grant: reopen ${reference}`).check();
    await second.getByLabel('Message to the requester').fill('You are right: we will delete your data.');
    await second.getByRole('button', { name: 'Decide appeal' }).click();
    await expect(second.getByRole('status')).toContainText('Appeal decided');
    await second.goto(`/staff/requests/${reference}`);
    await expect(second.locator('.request-header .status-pill').last()).toHaveText('In progress');
    await secondContext.close();
  });

  const decided = await waitForEmail(input.email, { subject: new RegExp(`Your appeal about ${reference} was granted`) });
  expect(decided.text).toContain('You are right: we will delete your data.');
  await requesterContext.close();
});
