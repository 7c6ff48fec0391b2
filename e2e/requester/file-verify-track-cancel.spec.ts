import { expect, test } from '@playwright/test';
import { expectedUkGdprDueDate } from '../fixtures/due-dates';
import { extractLink, waitForEmail } from '../fixtures/mail-inbox';
import { uniqueEmail } from '../fixtures/requests';

test('[requester] files an access request, confirms it from the real email, sees the reference and due date, and cancels it', async ({
  page,
}) => {
  const email = uniqueEmail('requester');
  const fullName = 'Grace Hopper';

  await test.step('file the request from the start page', async () => {
    await page.goto('/');
    await page.getByRole('link', { name: 'Make a request' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Make a privacy request' })).toBeVisible();

    await page.getByLabel(/^Access/).check();
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Full name').fill(fullName);
    await page.getByLabel('Where do you live?').selectOption({ label: 'United Kingdom — UK GDPR' });
    await page.getByLabel('I am the person named, or authorised to act for them').check();
    await page.getByRole('button', { name: 'Send request' }).click();

    await expect(page.getByRole('heading', { level: 1, name: 'Check your email' })).toBeVisible();
  });

  // Received on today's date (UTC); also accept tomorrow's in case the run crosses midnight.
  const submittedAt = new Date();
  const acceptableDueDates = [
    expectedUkGdprDueDate(submittedAt),
    expectedUkGdprDueDate(new Date(submittedAt.getTime() + 24 * 60 * 60 * 1000)),
  ];

  const verification = await waitForEmail(email, { subject: /Confirm your privacy request/ });
  const verifyLink = extractLink(verification.text, '/verify/');

  let reference = '';
  await test.step('confirm from the link in the email', async () => {
    await page.goto(verifyLink);
    await expect(page.getByRole('heading', { level: 1, name: 'Confirm your request' })).toBeVisible();
    await expect(page.getByRole('definition').filter({ hasText: fullName })).toBeVisible();
    await expect(page.getByRole('definition').filter({ hasText: email })).toBeVisible();
    await page.getByRole('button', { name: 'Confirm my request' }).click();

    await expect(page).toHaveURL(/\/status\/[A-Za-z0-9_-]{43}/);
    const heading = page.getByRole('heading', { level: 1 });
    await expect(heading).toHaveText(/DSR-\d{4}-\d{6}/);
    reference = /DSR-\d{4}-\d{6}/.exec((await heading.textContent()) ?? '')![0];
  });

  await test.step('the status page shows the due date and the timeline', async () => {
    const dueDate = page.locator('dt', { hasText: 'Answer due by' }).locator('xpath=following-sibling::dd[1]');
    await expect(dueDate).toHaveText(new RegExp(`^(${acceptableDueDates.join('|')})$`));
    await expect(page.getByRole('listitem').filter({ hasText: 'Request received' })).toBeVisible();
    await expect(page.getByRole('listitem').filter({ hasText: 'Email address confirmed' })).toBeVisible();
  });

  const statusPath = new URL(page.url()).pathname;

  await test.step('the acknowledgement email carries the reference and the status link', async () => {
    const acknowledgement = await waitForEmail(email, { subject: new RegExp(reference) });
    expect(acknowledgement.text).toContain(reference);
    expect(new URL(extractLink(acknowledgement.text, '/status/')).pathname).toBe(statusPath);
  });

  await test.step('the verification link cannot be used a second time', async () => {
    await page.goto(verifyLink);
    await expect(page.getByRole('heading', { level: 1, name: 'This link was already used' })).toBeVisible();
    await expect(page.getByText('The email headed “We received your request”')).toBeVisible();
  });

  await test.step('a requester who lost the status link finds it again by email', async () => {
    await page.getByRole('link', { name: 'Email me the link to my request' }).click();
    await expect(page).toHaveURL(/\/find-request$/);
    await page.getByLabel('Email address').fill(email);
    await page.getByRole('button', { name: 'Email me my links' }).click();
    await expect(page.getByRole('status')).toContainText(`If ${email} has an open or recently closed request`);

    const links = await waitForEmail(email, { subject: new RegExp(`The link to your request ${reference}`) });
    await page.goto(extractLink(links.text, '/status/'));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(new RegExp(reference));
  });

  await test.step('cancel from the status page', async () => {
    await page.goto(statusPath);
    await page.locator('summary', { hasText: 'Cancel request' }).click();
    await page.getByRole('button', { name: 'Yes, cancel this request' }).click();

    await expect(page.getByRole('status').filter({ hasText: 'Your request is cancelled.' })).toBeVisible();
    await expect(page.locator('dt', { hasText: 'Status' }).locator('xpath=following-sibling::dd[1]')).toHaveText('Cancelled');
    await expect(page.getByRole('listitem').filter({ hasText: 'You cancelled this request' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Yes, cancel this request' })).toHaveCount(0);

    const cancellation = await waitForEmail(email, { subject: /was cancelled/ });
    expect(cancellation.subject).toContain(reference);
  });
});
