import { expect, test } from '@playwright/test';
import { insertShopCustomerAndNeighbour } from '../fixtures/demo-shop';
import { extractLink, waitForEmail } from '../fixtures/mail-inbox';
import { openRequestAction } from '../fixtures/request-actions';
import { signedInStaff } from '../fixtures/staff';

// Files a deletion with "copy first" on the public form, confirms it by email, releases the copy and erases once it is downloaded.
test.describe.configure({ timeout: 180_000 });

test('[requester] asks for a copy before erasure: the copy is released without closing, and erasure waits for the download', async ({
  page,
  browser,
}) => {
  const { subject } = await insertShopCustomerAndNeighbour({ fullName: 'Katherine Johnson', orders: 2 });
  const requesterContext = await browser.newContext();
  const requesterPage = await requesterContext.newPage();

  await test.step('the requester files a deletion and ticks the copy-first box, which shows for a deletion only', async () => {
    await requesterPage.goto('/request');
    await requesterPage.getByLabel(/^Access/).check();
    await expect(requesterPage.getByLabel('Send me a copy of my data before it is erased')).toHaveCount(0);
    await requesterPage.getByLabel(/^Deletion/).check();
    await requesterPage.getByLabel('Send me a copy of my data before it is erased').check();
    await requesterPage.getByLabel('Email address').fill(subject.email);
    await requesterPage.getByLabel('Full name').fill(subject.fullName);
    await requesterPage.getByLabel('Where do you live?').selectOption({ label: 'United Kingdom — UK GDPR' });
    await requesterPage.getByLabel('I am the person named, or authorised to act for them').check();
    await requesterPage.getByRole('button', { name: 'Send request' }).click();
    await expect(requesterPage.getByRole('heading', { level: 1, name: 'Check your email' })).toBeVisible();
  });

  let reference = '';
  await test.step('the requester confirms from the email (gathering starts by itself)', async () => {
    const verification = await waitForEmail(subject.email, { subject: /Confirm your privacy request/ });
    await requesterPage.goto(extractLink(verification.text, '/verify/'));
    await requesterPage.getByRole('button', { name: 'Confirm my request' }).click();
    await expect(requesterPage).toHaveURL(/\/status\//);
    reference = /DSR-\d{4}-\d{6,}/.exec((await requesterPage.getByRole('heading', { level: 1 }).textContent()) ?? '')![0];
  });
  const statusPath = new URL(requesterPage.url()).pathname;

  await signedInStaff(page, 'agent');
  const panel = page.getByRole('region', { name: 'Data from your systems' });
  await test.step('the agent starts work and releases the copy; the request stays open', async () => {
    await page.goto(`/staff/requests/${reference}`);
    await page.getByRole('button', { name: 'Start work' }).click();
    await expect(page.getByRole('status')).toContainText('Work started');
    await expect(panel.getByText(/^Package ready/)).toBeVisible({ timeout: 60_000 });
    await page.reload();
    await page.getByLabel('Message sent with the package').fill('Your copy, as you asked.');
    await page.getByRole('button', { name: 'Release the copy to the requester' }).click();
    await expect(page.getByRole('status')).toContainText('Copy released');
    await expect(page.locator('.request-header .status-pill')).toHaveText('In progress');
    await expect(panel).toContainText('(downloaded: no)');
    const email = await waitForEmail(subject.email, {
      subject: new RegExp(`A copy of your data is ready before we erase it \\(${reference}\\)`),
    });
    expect(email.text).toContain('Your copy, as you asked.');
  });

  await test.step('the dry run is allowed (under More actions), but erasure waits for the download', async () => {
    await expect(page.locator('.request-next')).toContainText('Waiting for the requester to download their copy');
    await openRequestAction(page, 'Start a dry run');
    await page.getByRole('button', { name: 'Dry run', exact: true }).click();
    await expect(panel.getByRole('table', { name: 'What erasure would do, per source and table' })).toContainText('Done', {
      timeout: 60_000,
    });
    await page.reload();
    await expect(page.locator('.request-next')).toContainText('Waiting for the requester to download their copy');
  });

  await test.step('the requester sees when erasure happens and downloads the copy', async () => {
    await requesterPage.goto(statusPath);
    const copy = requesterPage.getByRole('region', { name: 'Your copy before erasure' });
    await expect(copy).toContainText('We erase your data once you have downloaded this copy');
    const [download] = await Promise.all([
      requesterPage.waitForEvent('download'),
      copy.getByRole('link', { name: `${reference}-your-data.zip` }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${reference}-your-data.zip`);
  });

  await test.step('once downloaded, the agent erases', async () => {
    await page.reload();
    await expect(panel).toContainText('(downloaded: yes)');
    await page.getByLabel('I have checked the dry run and want to erase this person’s data now').check();
    await page.getByRole('button', { name: 'Erase data' }).click();
    await expect(page.getByRole('status')).toContainText('Erasure started');
  });
  await requesterContext.close();
});
