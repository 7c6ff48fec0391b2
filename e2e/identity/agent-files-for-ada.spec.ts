import { expect, test } from '@playwright/test';
import { extractLink, waitForEmail } from '../fixtures/mail-inbox';
import { uniqueEmail } from '../fixtures/requests';

test.describe.configure({ timeout: 180_000 });

test('[agent] files a request for Ada on the public form; Ada confirms it herself; the agent follows it on their own link', async ({
  page,
  browser,
}) => {
  const ada = uniqueEmail('ada');
  const agentEmail = uniqueEmail('agent');

  await test.step('the agent fills in the form for Ada, with their own name and email and Ada’s signed permission', async () => {
    await page.goto('/request');
    await page.getByLabel(/^Access/).check();
    await page.getByLabel('Email address').fill(ada);
    await page.getByLabel('Full name').fill('Ada Lovelace');
    await page.getByLabel('Where do you live?').selectOption({ label: 'United Kingdom — UK GDPR' });
    await page.getByText('I am filing on someone’s behalf').click();
    await page.getByLabel('Your own name (as the agent)').fill('Rita Representative');
    await page.getByLabel('Your own email (as the agent)').fill(agentEmail);
    await page.getByLabel('Your organisation (optional)').fill('Privacy Helpers Ltd');
    await page.getByLabel('I am the person named, or authorised to act for them').check();
    // Without the signed permission the form says what is missing, on its own field, and keeps the rest.
    await page.getByRole('button', { name: 'Send request' }).click();
    await expect(page.getByRole('link', { name: /Upload the person’s signed permission for you to act for them/ })).toBeVisible();
    await expect(page.getByLabel('Signed permission from the person')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel('Your own email (as the agent)')).toHaveValue(agentEmail);
    await page.getByLabel('Signed permission from the person').setInputFiles({
      name: 'ada-permission.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\nI, Ada Lovelace, authorise Rita Representative to act for me.\n%%EOF\n'),
    });
    await page.getByLabel('I am the person named, or authorised to act for them').check();
    await page.getByRole('button', { name: 'Send request' }).click();
    await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();
  });

  const agentMail = await waitForEmail(agentEmail, { subject: /Your open request/ });
  const agentLink = extractLink(agentMail.text, '/agent/');

  await test.step('before Ada confirms, the agent sees that the person has not confirmed yet', async () => {
    await page.goto(agentLink);
    await expect(page.getByText('Not yet. We have emailed them to confirm.')).toBeVisible();
  });

  await test.step('Ada gets her own email naming the agent, and confirms', async () => {
    const verification = await waitForEmail(ada, { subject: /Confirm your privacy request/ });
    expect(verification.text).toContain('Rita Representative made this request for you');
    const adaPage = await browser.newPage();
    try {
      await adaPage.goto(extractLink(verification.text, '/verify/'));
      await adaPage.getByRole('button', { name: 'Confirm my request' }).click();
      await expect(adaPage).toHaveURL(/\/status\//);
    } finally {
      await adaPage.close();
    }
  });

  await test.step('the agent’s link now shows the request confirmed by Ada, with its reference, and no files', async () => {
    await page.goto(agentLink);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(/DSR-\d{4}-\d{6,}/);
    await expect(page.getByRole('definition').filter({ hasText: /^Yes$/ })).toBeVisible();
    await expect(page.getByRole('link', { name: /download|\.zip|\.csv/i })).toHaveCount(0);
  });
});
