import { expect, type Page, test } from '@playwright/test';
import { signedInStaff } from '../fixtures/staff';
import { fileAccessRequestInProgress } from '../fixtures/staff-request';

// Signs staff in through real email and uploads tens of megabytes: slower than the default minute.
test.describe.configure({ timeout: 240_000 });

const MEGABYTE = 1024 * 1024;

/** Releases the gathered package (the one way to close once it is built) with an extra file of the given size. */
async function releaseWith(page: Page, file: { name: string; megabytes: number }): Promise<void> {
  await page.getByLabel('Message sent with the package').fill('Here is a copy of the personal data we hold about you.');
  await page
    .getByLabel('Extra files (optional)')
    .setInputFiles({ name: file.name, mimeType: 'application/octet-stream', buffer: Buffer.alloc(file.megabytes * MEGABYTE, 7) });
  await page.getByRole('button', { name: 'Release to the requester' }).click();
}

test('[agent] uploads a 15 MB file (over the proxy’s old 10 MB cut) and is told on the form that a 30 MB one is over 25 MB', async ({
  page,
  browser,
}) => {
  await signedInStaff(page, 'agent');
  const requestUrl = await fileAccessRequestInProgress(page);
  // Filing gathered from the demo shop by itself; the page refreshes itself until the package is built.
  await expect(page.getByRole('button', { name: 'Release to the requester' })).toBeVisible({ timeout: 60_000 });

  await test.step('30 MB, without JavaScript: the server action answers with the form’s own message, not the error page', async () => {
    const noScript = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
    const plainPage = await noScript.newPage();
    await plainPage.goto(requestUrl);
    await releaseWith(plainPage, { name: 'thirty.bin', megabytes: 30 });
    await expect(plainPage.locator('#release-files-error')).toHaveText('thirty.bin is larger than 25 MB.');
    await expect(plainPage.getByRole('heading', { name: 'Something went wrong on our side' })).toHaveCount(0);
    await noScript.close();
  });

  await test.step('30 MB, with JavaScript: the same message, before the upload starts', async () => {
    await page.goto(requestUrl);
    await releaseWith(page, { name: 'thirty.bin', megabytes: 30 });
    await expect(page.locator('#release-files-error')).toHaveText('thirty.bin is larger than 25 MB.');
  });

  await test.step('15 MB: released with the package', async () => {
    await releaseWith(page, { name: 'fifteen.bin', megabytes: 15 });
    await expect(page.getByRole('status')).toContainText('Package released');
    await expect(page.getByText('fifteen.bin')).toBeVisible();
  });
});
