import { expect, test } from '@playwright/test';
import { fileConfirmedRequest } from '../fixtures/confirmed-request';
import { openRequestAction } from '../fixtures/request-actions';
import { signedInStaff } from '../fixtures/staff';

test.describe.configure({ timeout: 180_000 });

test('[requester] whose correction was declined sends a statement of up to 250 words from the status page; staff see it', async ({
  page,
  browser,
}) => {
  const requesterContext = await browser.newContext();
  const requester = await requesterContext.newPage();
  const { reference, statusPath } = await fileConfirmedRequest(requester, {
    jurisdiction: 'us_ca_ccpa',
    type: 'correction',
    details: 'My birth year is 1990, not 1909.',
  });

  await test.step('an agent declines the correction', async () => {
    await signedInStaff(page, 'agent');
    await page.goto(`/staff/requests/${reference}`);
    await openRequestAction(page, 'Reject the request');
    await page.getByLabel('A legal exemption applies').check();
    await page.getByLabel('Explanation for the requester (optional)').fill('Our records match the document you showed us.');
    await page.getByLabel(new RegExp(`^Yes, close ${reference} and email`)).check();
    await page.getByRole('button', { name: 'Reject request' }).click();
    await expect(page.getByRole('status')).toContainText('Request rejected');
  });

  const statement = 'I was born in 1990. The document you saw was my grandfather’s, who has the same name.';
  await test.step('the requester is told they may send a statement; 251 words are refused on the field, a short one is kept', async () => {
    await requester.goto(statusPath);
    const section = requester.getByRole('region', { name: 'Your statement' });
    await expect(section).toContainText('up to 250 words');
    await section.getByLabel('Your statement').fill(Array(251).fill('wrong').join(' '));
    await section.getByRole('button', { name: 'Send statement' }).click();
    await expect(requester.locator('#statement-error')).toContainText('Keep your statement to 250 words or fewer');
    await section.getByLabel('Your statement').fill(statement);
    await section.getByRole('button', { name: 'Send statement' }).click();
    await expect(requester.getByRole('status').filter({ hasText: 'we have kept your statement' })).toBeVisible();
    await expect(requester.getByRole('region', { name: 'Your statement' })).toContainText(statement);
    await expect(requester.getByRole('button', { name: 'Send statement' })).toHaveCount(0);
    await expect(requester.getByRole('listitem').filter({ hasText: 'You sent a statement contesting the data' })).toBeVisible();
  });

  await test.step('the agent sees the statement beside the decision', async () => {
    await page.goto(`/staff/requests/${reference}`);
    await expect(
      page.locator('dt', { hasText: 'Requester’s statement contesting the data' }).locator('xpath=following-sibling::dd[1]'),
    ).toContainText(statement);
  });
  await requesterContext.close();
});
