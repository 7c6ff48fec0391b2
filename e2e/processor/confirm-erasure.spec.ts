import { expect, test } from '@playwright/test';
import { fileConfirmedRequest } from '../fixtures/confirmed-request';
import { waitForEmail } from '../fixtures/mail-inbox';
import { seedProcessorNotice } from '../fixtures/processor-notice';

test.describe.configure({ timeout: 180_000 });

test('[processor] confirms an erasure from its link; the request closes and the requester sees who was told', async ({ page, browser }) => {
  const request = await fileConfirmedRequest(page, { type: 'deletion', fullName: 'Ada Lovelace' });
  const { link } = await seedProcessorNotice({ reference: request.reference, vendorName: 'Mailfleet Ltd' });

  const vendor = await browser.newPage();
  await test.step('the vendor’s page says whom to erase, and only the button answers', async () => {
    await vendor.goto(link);
    await expect(vendor.getByRole('heading', { level: 1 })).toHaveText('Confirm an erasure');
    await expect(vendor.locator('dl.summary')).toContainText(request.reference);
    await expect(vendor.locator('dl.summary')).toContainText(request.input.email);
  });

  await test.step('the vendor confirms with a note', async () => {
    await vendor.getByLabel('Note (optional)').fill('Removed from all mailing lists');
    await vendor.getByRole('button', { name: 'We have erased this person’s data' }).click();
    await expect(vendor.getByRole('heading', { level: 1 })).toHaveText('Thank you');
  });

  await test.step('the link works once: opened again it says the answer is recorded', async () => {
    await vendor.goto(link);
    await expect(vendor.getByRole('heading', { level: 1 })).toHaveText('Thank you');
  });

  await test.step('the erasure completes: the requester is told, and their status page lists the processor as confirmed', async () => {
    const email = await waitForEmail(request.input.email, {
      subject: new RegExp(`Your personal data has been erased \\(${request.reference}\\)`),
      timeoutMs: 60_000,
    });
    expect(email.text).toContain('Mailfleet Ltd');
    await page.goto(request.statusPath);
    await expect(page.getByTestId('recipients-told')).toContainText('Mailfleet Ltd');
    await expect(page.getByTestId('recipients-told')).toContainText('confirmed');
  });

  await test.step('a link nobody was sent is refused', async () => {
    await vendor.goto(`/processor/${'x'.repeat(43)}`);
    await expect(vendor.getByRole('heading', { level: 1 })).toHaveText('This link is not valid');
  });
});
