import { expect, test } from '@playwright/test';

test.beforeEach(async ({ page }) => {
  await page.goto('/request');
  await expect(page.getByRole('heading', { level: 1, name: 'Make a privacy request' })).toBeVisible();
});

test('[requester] sees every problem in a summary and beside each field after sending the empty form', async ({ page }) => {
  await page.getByRole('button', { name: 'Send request' }).click();

  const summary = page.getByRole('alert').filter({ hasText: 'Please correct the problems below.' });
  await expect(summary).toBeVisible();
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link', { name: 'Email address: Enter your email address' })).toHaveAttribute('href', '#email');
  await expect(summary.getByRole('link', { name: 'Where do you live?: Choose a region' })).toHaveAttribute('href', '#jurisdiction');

  // Each error is tied to its control, so a screen reader reads it with the field.
  await expect(page.getByLabel('Email address')).toHaveAccessibleDescription(/Enter your email address/);
  await expect(page.getByLabel('Email address')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Full name')).toHaveAccessibleDescription(/Enter your full name/);
  await expect(page.getByLabel('Where do you live?')).toHaveAccessibleDescription(/Choose a region/);
  await expect(page.getByLabel('I am the person named, or authorised to act for them')).toHaveAccessibleDescription(
    /Confirm that you are the person named, or authorised to act for them/,
  );
  await expect(page.getByRole('group', { name: 'What would you like us to do?' })).toContainText('Choose what you would like us to do');
});

test('[requester] keeps what was typed when the form comes back with an error', async ({ page }) => {
  await page.getByLabel(/^Export/).check();
  await page.getByLabel('Full name').fill('Ada Lovelace');
  await page.getByLabel('Email address').fill('not-an-email');
  await page.getByLabel('Where do you live?').selectOption({ label: 'EU/EEA — GDPR' });
  await page.getByLabel('I am the person named, or authorised to act for them').check();
  await page.getByRole('button', { name: 'Send request' }).click();

  await expect(page.getByLabel('Email address')).toHaveAccessibleDescription(/Enter a valid email address, like name@example.com/);
  await expect(page.getByLabel('Full name')).toHaveValue('Ada Lovelace');
  await expect(page.getByLabel('Email address')).toHaveValue('not-an-email');
  await expect(page.getByLabel(/^Export/)).toBeChecked();
  await expect(page.getByLabel('Where do you live?')).toHaveValue('eu_gdpr');
  await expect(page.getByLabel('I am the person named, or authorised to act for them')).toBeChecked();
  await expect(page.getByLabel('Full name')).not.toHaveAttribute('aria-invalid', 'true');
});

test('[requester] sees how many characters of details are left and is stopped past 2,000', async ({ page }) => {
  const details = page.getByLabel('Details (optional)');
  await details.fill('Orders since 2021');
  await expect(details).toHaveAccessibleDescription(/17 of 2,000 characters/);

  await page.getByLabel(/^Access/).check();
  await page.getByLabel('Email address').fill('someone@example.test');
  await page.getByLabel('Full name').fill('Ada Lovelace');
  await page.getByLabel('Where do you live?').selectOption({ label: 'United Kingdom — UK GDPR' });
  await page.getByLabel('I am the person named, or authorised to act for them').check();
  await details.fill('x'.repeat(2_001));
  await expect(page.getByText('2,001 of 2,000 characters')).toBeVisible();
  await page.getByRole('button', { name: 'Send request' }).click();

  await expect(details).toHaveAccessibleDescription(/Keep the details under 2,000 characters/);
  await expect(page.getByRole('alert').getByRole('link', { name: 'Details: Keep the details under 2,000 characters' })).toBeVisible();
  // The form comes back with what was typed, cut to what the field takes: never more than its limit is echoed.
  await expect(details).toHaveValue('x'.repeat(2_000));
  await expect(page.getByRole('heading', { name: 'Check your email' })).toHaveCount(0);
});

test('[requester] can reach every field and send the form with the keyboard alone', async ({ page }) => {
  const submit = page.getByRole('button', { name: 'Send request' });
  const reached: string[] = [];
  for (let presses = 0; presses < 30 && !(await submit.evaluate((button) => button === document.activeElement)); presses++) {
    await page.keyboard.press('Tab');
    reached.push(await page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName || ''));
  }
  await expect(submit).toBeFocused();
  // The header's language menu comes first; a radio group is one tab stop; the honeypot field is never one.
  const formStops = reached.filter((id) => !['A', 'BODY'].includes(id));
  expect(formStops).toEqual([
    'language-switcher-locale',
    'BUTTON',
    'type-access',
    'email',
    'fullName',
    'accountIdentifier',
    'jurisdiction',
    'details',
    'agent-summary',
    'isAuthorised',
    'BUTTON',
  ]);

  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'Please correct the problems below.' })).toBeFocused();
});

test('[requester] finds every control of the form by its label', async ({ page }) => {
  await expect(page.getByRole('group', { name: 'What would you like us to do?' })).toBeVisible();
  await expect(page.getByRole('radio', { name: /^Access — a copy of my personal data/ })).toHaveAttribute('id', 'type-access');
  await expect(page.getByRole('radio', { name: /^Export — / })).toHaveAttribute('id', 'type-export');
  await expect(page.getByRole('radio', { name: /^Deletion — / })).toHaveAttribute('id', 'type-deletion');
  const labelled: [string, string][] = [
    ['Email address', 'email'],
    ['Full name', 'fullName'],
    ['Account identifier (optional)', 'accountIdentifier'],
    ['Where do you live?', 'jurisdiction'],
    ['Details (optional)', 'details'],
    ['I am the person named, or authorised to act for them', 'isAuthorised'],
  ];
  for (const [label, id] of labelled) await expect(page.getByLabel(label, { exact: true })).toHaveAttribute('id', id);
  // Hints are read with their field.
  await expect(page.getByLabel('Email address')).toHaveAccessibleDescription('We will send a link to confirm it is yours.');
  await expect(page.getByLabel('Where do you live?')).toHaveAccessibleDescription('This sets the legal deadline for our answer.');
});

test('[requester] is offered a correction for a mistyped mail domain, and the next page repeats the address sent to', async ({ page }) => {
  const local = `typo-${Date.now()}`;
  await page.getByLabel(/^Access/).check();
  await page.getByLabel('Email address').fill(`${local}@gmial.con`);
  await page.getByLabel('Full name').fill('Ada Lovelace');
  await expect(page.getByText('Did you mean')).toBeVisible();
  await page.getByRole('button', { name: `${local}@gmail.com` }).click();
  await expect(page.getByLabel('Email address')).toHaveValue(`${local}@gmail.com`);
  await expect(page.getByText('Did you mean')).toHaveCount(0);

  await page.getByLabel('Where do you live?').selectOption({ label: 'EU/EEA — GDPR' });
  await page.getByLabel('I am the person named, or authorised to act for them').check();
  await page.getByRole('button', { name: 'Send request' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Check your email' })).toBeVisible();
  await expect(page.getByText(`We have sent an email to ${local}@gmail.com`)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Make the request again with the right one' })).toHaveAttribute('href', '/request');
});
