import { expect, test } from '@playwright/test';
import { fileConfirmedRequest } from '../fixtures/confirmed-request';
import { openRequestAction } from '../fixtures/request-actions';
import { signedInStaff } from '../fixtures/staff';

// Confirms requests and signs in through real email: twice the default budget on a loaded machine.
test.describe.configure({ timeout: 120_000 });

test('[agent] the request page leads with one primary action per state; the rest wait behind More actions', async ({ page }) => {
  const { reference, input } = await fileConfirmedRequest(page, { type: 'deletion', jurisdiction: 'uk_gdpr' });
  await signedInStaff(page, 'agent');
  await page.goto(`/staff/requests/${reference}`);
  const facts = page.locator('.request-header__facts');

  await test.step('the header: status, type, due date and time left', async () => {
    await expect(facts).toContainText('Received');
    await expect(facts).toContainText('Deletion');
    await expect(facts).toContainText(/\d+ days left/);
  });

  await test.step('new: Start work is the one primary action; no other form is open', async () => {
    await expect(page.getByRole('button', { name: 'Start work' })).toBeVisible();
    for (const hidden of ['Reject request', 'Extend deadline', 'Send question', 'Erase data']) {
      await expect(page.getByRole('button', { name: hidden })).toHaveCount(0);
    }
    // The timeline and notes come before any form.
    const timelineTop = (await page.getByRole('heading', { name: 'Timeline' }).boundingBox())!.y;
    const notesTop = (await page.getByRole('heading', { name: 'Notes and replies' }).boundingBox())!.y;
    expect(timelineTop).toBeLessThan(900);
    expect(notesTop).toBeGreaterThan(timelineTop);
    await page.getByRole('button', { name: 'Start work' }).click();
    await expect(page.getByRole('status')).toContainText('Work started');
  });

  await test.step('in progress (deletion): Dry run leads; Erase is not offered before a dry run', async () => {
    await expect(facts).toContainText('In progress');
    await expect(page.getByRole('button', { name: 'Dry run', exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Erase data' })).toHaveCount(0);
  });

  await test.step('More actions opens each form on demand, with the keyboard', async () => {
    const menu = page.locator('details.action-menu > summary');
    await menu.focus();
    await page.keyboard.press('Enter');
    const ask = page.locator('details.action-menu__item > summary', { hasText: 'Ask the requester a question' });
    await expect(ask).toBeVisible();
    await ask.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('Your question to the requester')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Reject request' })).toHaveCount(0);
  });

  await test.step('waiting for the requester: the header says the clock stopped; no primary action', async () => {
    await page.getByLabel('Your question to the requester').fill('Which email address did you use for your orders?');
    await page.getByRole('button', { name: 'Send question' }).click();
    await expect(page.getByRole('status')).toContainText('Your question was emailed');
    await expect(facts).toContainText('Waiting for the requester');
    await expect(facts).toContainText('Clock stopped');
    await expect(page.getByText('Waiting for the requester: the request comes back')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Dry run', exact: true })).toHaveCount(0);
  });

  await test.step('reject asks first: what happens, to whom, and a second tick the server checks', async () => {
    await openRequestAction(page, 'Reject the request');
    await expect(page.getByText(`This closes ${reference} and emails the reason to`)).toContainText(input.email);
    await page.getByLabel('This was not a genuine request').check();
    // Without the tick, the browser's own check would stop the form: remove it to see the server refuse too.
    await page.getByLabel(new RegExp(`^Yes, close ${reference} and email`)).evaluate((box) => box.removeAttribute('required'));
    await page.getByRole('button', { name: 'Reject request' }).click();
    await expect(page.getByText('Tick the box to confirm: the request closes and the requester is emailed')).toBeVisible();
    await expect(facts).toContainText('Waiting for the requester');

    await page.getByLabel(new RegExp(`^Yes, close ${reference} and email`)).check();
    await page.getByRole('button', { name: 'Reject request' }).click();
    await expect(page.getByRole('status')).toContainText('Request rejected');
    await expect(facts).toContainText('Declined');
  });

  await test.step('closed: no primary action and no menu', async () => {
    await expect(page.locator('details.action-menu')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Start work' })).toHaveCount(0);
  });
});
