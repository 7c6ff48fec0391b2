import { randomBytes, randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { waitForEmail } from '../fixtures/mail-inbox';
import { uniqueEmail } from '../fixtures/requests';
import { signedInStaff } from '../fixtures/staff';

test.describe.configure({ timeout: 180_000 });

test('[admin] makes an API key, another system files and reads a request with it through the real server, and revoking it stops it', async ({
  page,
  request,
}) => {
  await signedInStaff(page, 'admin');
  const name = `E2E CRM ${randomBytes(3).toString('hex')}`;
  let key = '';

  await test.step('Settings → API keys: name, scopes, expiry; the key is shown once', async () => {
    await page.goto('/staff/settings');
    await page.getByRole('link', { name: 'Manage API keys' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'API keys' })).toBeVisible();

    await page.getByRole('button', { name: 'Make an API key' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Please correct the problems below.' })).toBeVisible();
    await expect(page.getByText('Choose at least one scope').first()).toBeVisible();

    await page.getByLabel('Name').fill(name);
    await page.getByLabel(/^requests:create/).check();
    await page.getByLabel(/^requests:read/).check();
    await page.getByLabel('In 90 days').check();
    await page.getByRole('button', { name: 'Make an API key' }).click();

    const shown = page.getByLabel('API key (shown once)');
    await expect(shown).toHaveValue(/^dsr_/);
    key = await shown.inputValue();
    const row = page.getByRole('row', { name: new RegExp(name) });
    await expect(row).toContainText('requests:create, requests:read');
    await expect(row).toContainText('Active');
    await expect(row).toContainText(key.slice(0, 12));

    await page.reload();
    expect(await page.content()).not.toContain(key);
  });

  const email = uniqueEmail('api');
  let reference = '';
  await test.step('the key files a request (idempotently) and reads it back; the requester is acknowledged', async () => {
    const body = {
      type: 'deletion',
      email,
      fullName: 'Grace Hopper',
      jurisdiction: 'uk_gdpr',
      identityCheck: 'Signed in to the customer portal with two-factor authentication',
    };
    const headers = { authorization: `Bearer ${key}`, 'idempotency-key': randomUUID() };
    const filed = await request.post('/api/v1/requests', { data: body, headers });
    expect(filed.status()).toBe(201);
    const retried = await request.post('/api/v1/requests', { data: body, headers });
    expect(retried.headers()['idempotent-replayed']).toBe('true');
    reference = (await filed.json()).reference;
    expect((await retried.json()).reference).toBe(reference);

    const read = await request.get(`/api/v1/requests/${reference}`, { headers: { authorization: `Bearer ${key}` } });
    expect(await read.json()).toMatchObject({ reference, status: 'new', channel: 'api' });
    await waitForEmail(email, { subject: new RegExp(reference) });
  });

  await test.step('the staff timeline names the key; its last use shows in the list', async () => {
    await page.goto(`/staff/requests/${reference}`);
    await expect(page.getByText(`API key “${name}”`).first()).toBeVisible();
    await page.goto('/staff/settings/api-keys');
    await expect(page.getByRole('row', { name: new RegExp(name) })).not.toContainText(/Never\s*$/);
  });

  await test.step('revoked, the key is refused with a problem document', async () => {
    await page.getByRole('button', { name: `Revoke ${name}` }).click();
    await expect(page.getByText(`“${name}” was revoked`)).toBeVisible();
    await expect(page.getByRole('row', { name: new RegExp(name) })).toContainText('Revoked');

    const refused = await request.get(`/api/v1/requests/${reference}`, { headers: { authorization: `Bearer ${key}` } });
    expect(refused.status()).toBe(401);
    expect(refused.headers()['content-type']).toBe('application/problem+json');
    expect(await refused.json()).toMatchObject({ type: '/api/v1/docs#problem-unauthenticated', detail: 'This API key was revoked.' });
  });

  await test.step('the reference page is served by the app', async () => {
    await page.goto('/api/v1/docs');
    await expect(page.getByRole('heading', { level: 1, name: /dsr-desk API/ })).toBeVisible();
    await expect(page.getByRole('link', { name: 'POST /requests', exact: true })).toBeVisible();
    await expect(page.getByRole('heading', { level: 3, name: /POST \/requests — File a request/ })).toBeVisible();
  });
});
