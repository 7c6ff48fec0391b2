import { randomBytes } from 'node:crypto';
import { type APIResponse, expect, type Response, test } from '@playwright/test';
import { extractLink, waitForEmail } from '../fixtures/mail-inbox';
import { seedUnverifiedRequest } from '../fixtures/requests';

function expectSecurityHeaders(response: APIResponse | Response, what: string): void {
  const headers = response.headers();
  expect(headers['referrer-policy'], `Referrer-Policy of ${what}`).toBe('no-referrer');
  expect(headers['x-content-type-options'], `X-Content-Type-Options of ${what}`).toBe('nosniff');
  expect(headers['content-security-policy'], `Content-Security-Policy of ${what}`).toContain("frame-ancestors 'none'");
  // Obsolete (and a source of XSS in old browsers); the CSP does its job.
  expect(headers['x-xss-protection'], `X-XSS-Protection of ${what}`).toBeUndefined();
  // The e2e app runs on http: no HSTS there (lib/http/strict-transport-security.test.ts covers https).
  expect(headers['strict-transport-security'], `Strict-Transport-Security of ${what}`).toBeUndefined();
}

test('[requester] pages and the intake API send the security headers', async ({ request }) => {
  for (const path of ['/', '/request']) {
    const response = await request.get(path);
    expect(response.status(), `GET ${path}`).toBe(200);
    expectSecurityHeaders(response, `GET ${path}`);
  }
  // An invalid body: answered by the route itself, and no request is created.
  const intake = await request.post('/api/requests', { data: {} });
  expect(intake.status()).toBe(400);
  expectSecurityHeaders(intake, 'POST /api/requests');
});

test('[requester] an unknown status link shows "Page not found" with a 404', async ({ page }) => {
  const response = await page.goto(`/status/${randomBytes(32).toString('base64url')}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  expect(response?.status()).toBe(404);
});

test('[requester] opening the verification link does not use it up; only the button confirms', async ({ page, request }) => {
  const { email } = await seedUnverifiedRequest(request);
  const verifyLink = extractLink((await waitForEmail(email, { subject: /Confirm your privacy request/ })).text, '/verify/');

  // Mail scanners and link previews fetch links before the person does.
  for (const visit of ['first', 'second']) {
    const response = await page.goto(verifyLink);
    expect(response?.status(), `${visit} visit`).toBe(200);
    expectSecurityHeaders(response!, `the ${visit} visit of the verification link`);
    await expect(page.getByRole('heading', { level: 1, name: 'Confirm your request' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Confirm my request' })).toBeVisible();
  }

  await page.getByRole('button', { name: 'Confirm my request' }).click();
  await expect(page).toHaveURL(/\/status\/[A-Za-z0-9_-]{43}\?confirmed=1$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/DSR-\d{4}-\d{6}/);
});
