import { expect, test } from '@playwright/test';
import { extractLink, waitForEmail } from '../fixtures/mail-inbox';
import { uniqueEmail } from '../fixtures/requests';
import { signedInStaff, signInAsStaff } from '../fixtures/staff';

// Every test signs staff in through real magic-link emails: slow on a busy machine.
test.describe.configure({ timeout: 180_000 });

test('[admin] invites an agent, changes their role to auditor and deactivates them; their open session is refused', async ({
  page,
  browser,
}) => {
  await signedInStaff(page, 'admin');
  const invitee = { email: uniqueEmail('invited-agent'), name: 'Katherine Johnson', role: 'agent' as const };

  await test.step('invite them from the staff page', async () => {
    await page.goto('/staff/team');
    await expect(page.getByRole('heading', { level: 1, name: 'Staff' })).toBeVisible();
    await page.getByLabel('Email address').fill(invitee.email);
    await page.getByLabel('Name (optional)').fill(invitee.name);
    await page.getByLabel(/^Agent/).check();
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await expect(page.getByText(`Invitation sent to ${invitee.email}.`)).toBeVisible();
    await expect(page.getByRole('row', { name: invitee.email })).toContainText('Active');
  });

  const inviteeContext = await browser.newContext();
  const inviteePage = await inviteeContext.newPage();
  try {
    await test.step('they get the invitation email and sign in with the sign-in flow', async () => {
      const invitation = await waitForEmail(invitee.email, { subject: /invited/ });
      await inviteePage.goto(extractLink(invitation.text, '/staff/sign-in'));
      await expect(inviteePage.getByRole('heading', { level: 1, name: 'Staff sign-in' })).toBeVisible();
      await signInAsStaff(inviteePage, invitee);
      await inviteePage.goto('/staff/requests/new');
      await expect(inviteePage.getByRole('heading', { level: 1, name: /File a request on someone/ })).toBeVisible();
    });

    await test.step('the admin makes them an auditor; their next page load has the auditor’s rights', async () => {
      const row = page.getByRole('row', { name: invitee.email });
      await row.getByLabel(`Role of ${invitee.email}`).selectOption('auditor');
      await row.getByRole('button', { name: `Change role of ${invitee.email}` }).click();
      await expect(row.getByText('Role changed to auditor.')).toBeVisible();

      await inviteePage.reload();
      await expect(inviteePage.getByRole('heading', { level: 1, name: 'You don’t have access to this page' })).toBeVisible();
    });

    await test.step('the admin deactivates them after confirming; their open session is refused at once', async () => {
      await page.getByRole('link', { name: `Deactivate… ${invitee.email}` }).click();
      await expect(page.getByRole('heading', { level: 2, name: `Deactivate ${invitee.name}?` })).toBeVisible();
      await page.getByRole('button', { name: `Yes, deactivate ${invitee.email}` }).click();
      await expect(page.getByText('The staff member was deactivated.')).toBeVisible();
      await expect(page.getByRole('row', { name: invitee.email })).toContainText('Deactivated');

      await inviteePage.goto('/staff/requests/new');
      await expect(inviteePage).toHaveURL(/\/staff\/sign-in/);
      await expect(inviteePage.getByRole('heading', { level: 1, name: 'Staff sign-in' })).toBeVisible();
    });
  } finally {
    await inviteeContext.close();
  }
});

test('[admin] sees the form refuse an invalid invitation with the typed values kept', async ({ page }) => {
  await signedInStaff(page, 'admin');
  await page.goto('/staff/team');
  await page.getByLabel('Email address').fill('not-an-email');
  await page.getByLabel('Name (optional)').fill('Typed Name');
  await page.getByRole('button', { name: 'Send invitation' }).click();

  await expect(page.getByRole('alert').filter({ hasText: 'Please correct the problems below.' })).toBeVisible();
  await expect(page.getByLabel('Email address')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Email address')).toHaveValue('not-an-email');
  await expect(page.getByLabel('Name (optional)')).toHaveValue('Typed Name');
});

test('[admin] renames the organisation and sets the privacy contact; the public pages show both', async ({ page, browser }) => {
  await signedInStaff(page, 'admin');
  await page.goto('/staff/settings');
  const nameField = page.getByLabel('Organisation name');
  const originalName = await nameField.inputValue();
  const newName = `Renamed Org ${Date.now()}`;

  try {
    await nameField.fill(newName);
    // The per-language texts below repeat these labels, each in its language's group.
    const organisation = page.locator('form').filter({ has: nameField });
    await organisation.getByLabel('Privacy team contact email (optional)').fill('privacy@renamed.example');
    await organisation.getByLabel('Privacy notice web address (optional)').fill('https://renamed.example/privacy');
    await organisation.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByText(/^Settings saved\./)).toBeVisible();

    const visitor = await browser.newPage();
    try {
      await visitor.goto('/');
      await expect(visitor.getByRole('heading', { level: 1, name: `Your personal data at ${newName}` })).toBeVisible();
      await expect(visitor.getByRole('banner')).toContainText(newName);
      const footer = visitor.getByRole('contentinfo');
      await expect(footer.getByRole('link', { name: 'privacy@renamed.example' })).toHaveAttribute('href', 'mailto:privacy@renamed.example');
      await expect(footer.getByRole('link', { name: `${newName}’s privacy notice` })).toHaveAttribute(
        'href',
        'https://renamed.example/privacy',
      );
      await expect(footer.getByRole('link', { name: 'Find my request' })).toHaveAttribute('href', '/find-request');
    } finally {
      await visitor.close();
    }
  } finally {
    // Other specs run against the same app at the same time: put the name back.
    await page.goto('/staff/settings');
    const organisationAgain = page.locator('form').filter({ has: page.getByLabel('Organisation name') });
    await organisationAgain.getByLabel('Organisation name').fill(originalName);
    await organisationAgain.getByLabel('Privacy team contact email (optional)').fill('');
    await organisationAgain.getByLabel('Privacy notice web address (optional)').fill('');
    await organisationAgain.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByText(/^Settings saved\./)).toBeVisible();
  }
});

for (const role of ['agent', 'auditor'] as const) {
  test(`[${role}] gets "You don’t have access to this page" at /staff/team and /staff/settings`, async ({ page }) => {
    await signedInStaff(page, role);
    for (const path of ['/staff/team', '/staff/settings', '/staff/settings/jurisdictions/uk_gdpr']) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1, name: 'You don’t have access to this page' })).toBeVisible();
    }
  });
}
