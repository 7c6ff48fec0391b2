import { readFileSync } from 'node:fs';
import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { e2eBaseUrl } from '../fixtures/e2e-ports';
import { signedInStaff } from '../fixtures/staff';
import { fileAccessRequestInProgress } from '../fixtures/staff-request';

// Signs staff in through real email: slower than the default minute.
test.describe.configure({ timeout: 180_000 });

/**
 * The hostile-input corpus against the running server: every public page and route,
 * the public server actions, the staff pages and actions, next-auth, the API. Each
 * answer is a 4xx (or the page itself, with a field error), never a 5xx, and nothing
 * of what was sent reaches the app's log.
 */
const MARKER = 'hostile-e2e-5d1a';

function expectNoServerError(status: number, what: string): void {
  expect(status, what).toBeLessThan(500);
}

function appLog(): string {
  return process.env.E2E_APP_LOG ? readFileSync(process.env.E2E_APP_LOG, 'utf8') : '';
}

test.afterAll(() => {
  expect(appLog(), 'the app log').not.toContain(MARKER);
});

const malformedPaths = [
  '/verify/%ff',
  '/status/%ff',
  '/staff/requests/%ff',
  '/status/x/files/%e2%82',
  '/api/staff/attachments/%ff',
  '/api/reports/%ff',
  '/api/callbacks/%c0%af',
];

test('[anyone] a malformed %-escape in a path gets the not-found page (404), signed out', async ({ page }) => {
  for (const path of malformedPaths) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' }), path).toBeVisible();
  }
});

test('[anyone] control characters and odd values in paths and queries never reach a 500', async ({ request }) => {
  const paths = [
    '/verify/%00',
    `/verify/${MARKER}%00`,
    '/status/%00',
    '/status/%01%02',
    '/request?type=%00',
    '/verify/new-link?email=%00',
    '/find-request?email=%00',
    '/staff?q=%00',
    '/staff/requests/%00',
    '/status/x/files/%00',
    '/api/staff/attachments/%00',
    '/api/reports/%00',
    '/api/audit/export?log=%00&format=csv',
  ];
  for (const path of paths) expectNoServerError((await request.get(path, { maxRedirects: 0 })).status(), path);
});

async function postForm(
  request: APIRequestContext,
  path: string,
  options: { body: string | Buffer; contentType: string; origin?: string },
) {
  return request.post(path, {
    headers: { 'content-type': options.contentType, ...(options.origin ? { origin: options.origin } : {}) },
    data: options.body,
    maxRedirects: 0,
  });
}

test('[anyone] a public form body over 64 KB gets a 413 page saying what to do; nothing is echoed back', async ({ request }) => {
  const response = await postForm(request, '/request', {
    body: `details=${MARKER}${'x'.repeat(70 * 1024)}`,
    contentType: 'application/x-www-form-urlencoded',
  });
  expect(response.status()).toBe(413);
  const html = await response.text();
  expect(html).toContain('That is too much to send');
  expect(html).not.toContain(MARKER);
  for (const path of ['/status/x', '/verify/x', '/verify/new-link', '/find-request', '/api/requests', '/staff/requests/DSR-2026-000001']) {
    const big = await postForm(request, path, { body: `{"x":"${'y'.repeat(70 * 1024)}"}`, contentType: 'application/json' });
    expect(big.status(), path).toBe(413);
  }
});

test('[anyone] a form post from another site is refused with 403, not a 500', async ({ request }) => {
  const response = await postForm(request, '/request', {
    body: `fullName=${MARKER}`,
    contentType: 'application/x-www-form-urlencoded',
    origin: 'https://evil.example',
  });
  expect(response.status()).toBe(403);
  expect(await response.text()).toContain('Send the form from this site');
  // A Next server action POST as a browser would send it, from a foreign page.
  const action = await request.post('/request', {
    headers: { 'next-action': '0'.repeat(42), origin: 'https://evil.example', 'content-type': 'text/plain;charset=UTF-8' },
    data: '[]',
  });
  expect(action.status()).toBe(403);
});

test('[anyone] wrong content types and prototype keys on public routes get a 4xx', async ({ request }) => {
  const bodies: { path: string; contentType: string; body: string }[] = [
    { path: '/api/requests', contentType: 'text/plain', body: `{"fullName":"${MARKER}"}` },
    {
      path: '/api/requests',
      contentType: 'application/json',
      body: `{"__proto__":{"admin":true},"constructor":{"prototype":{"x":"${MARKER}"}}}`,
    },
    { path: '/api/requests', contentType: 'application/json', body: `${'['.repeat(10_000)}${']'.repeat(10_000)}` },
    {
      path: '/api/requests',
      contentType: 'application/json',
      body: `{"fullName":"${MARKER}\\u0000","email":"a@example.com","type":"access","jurisdiction":"eu_gdpr","isAuthorised":true}`,
    },
    { path: '/api/callbacks/%00', contentType: 'application/json', body: `{"jobId":"${MARKER}"}` },
    { path: '/api/callbacks/no-such-source', contentType: 'text/xml', body: `<x>${MARKER}</x>` },
  ];
  for (const { path, contentType, body } of bodies) {
    const response = await postForm(request, path, { body, contentType });
    expect(response.status(), `${path} ${contentType}`).toBeGreaterThanOrEqual(400);
    expectNoServerError(response.status(), `${path} ${contentType}`);
    expect(await response.text(), path).not.toContain(MARKER);
  }
  // A malformed multipart body (Next's own parser would answer 500): the form's "could not be read" page, with or without a Next-Action header.
  for (const headers of [{}, { 'next-action': '0'.repeat(42) }] as Record<string, string>[]) {
    for (const path of ['/request', '/find-request', '/verify/new-link']) {
      const response = await request.post(path, {
        headers: { ...headers, 'content-type': 'multipart/form-data; boundary=----hostile' },
        data: `------hostile\r\nContent-Disposition: form-data; name="fullName"\r\n\r\n${MARKER}`,
      });
      expect(response.status(), `${path} malformed multipart`).toBe(400);
      expect(await response.text()).toContain('The form could not be read');
    }
  }
  for (const [path, contentType] of [
    ['/request', 'text/plain'],
    ['/request', 'application/json'],
    ['/verify/new-link', 'application/xml'],
    ['/find-request', 'application/xml'],
  ] as const) {
    expectNoServerError((await postForm(request, path, { body: `${MARKER}\u0000`, contentType })).status(), `${path} ${contentType}`);
  }
});

/** Types text with control characters into a field (the browser's own input would drop some). */
async function fillRaw(page: Page, label: string | RegExp, value: string): Promise<void> {
  await page.getByLabel(label).evaluate((element, text) => {
    (element as HTMLInputElement | HTMLTextAreaElement).value = text;
  }, value);
}

test('[requester] a NUL or escape character in the request form is a field error, and nothing is filed', async ({ page }) => {
  await page.goto('/request');
  await page.getByLabel(/^Access/).check();
  await page.getByLabel('Email address').fill('someone@example.test');
  await fillRaw(page, 'Full name', `Ada${MARKER}\u0000`);
  await fillRaw(page, 'Details (optional)', `${MARKER}\u001b[2J`);
  await page.getByLabel('Where do you live?').selectOption({ label: 'EU/EEA — GDPR' });
  await page.getByLabel('I am the person named, or authorised to act for them').check();
  await page.getByRole('button', { name: 'Send request' }).click();

  await expect(page.getByLabel('Full name')).toHaveAccessibleDescription(/Remove the invisible control characters/);
  await expect(page.getByLabel('Details (optional)')).toHaveAccessibleDescription(/Remove the invisible control characters/);
  await expect(page.getByRole('heading', { name: 'Check your email' })).toHaveCount(0);
});

test('[staff] a NUL in a note, the queue search or the path, or a forged cursor, never reaches a 500', async ({ page }) => {
  await signedInStaff(page, 'agent');
  const requestUrl = await fileAccessRequestInProgress(page);

  await fillRaw(page, 'New internal note', `${MARKER}\u0000`);
  await page.getByRole('button', { name: 'Add note' }).click();
  await expect(page.getByLabel('New internal note')).toHaveAccessibleDescription(/Remove the invisible control characters/);

  for (const path of [
    '/staff?q=%00',
    `/staff?q=${MARKER}%00`,
    '/staff/requests/%00',
    '/staff/requests/DSR-2026-%00',
    `/staff?after=${Buffer.from(JSON.stringify(['2026-02-30', '00000000-0000-4000-8000-000000000000'])).toString('base64url')}`,
    `/staff?after=${Buffer.from(JSON.stringify(['2026-01-01', '0123456789abcdef0123456789abcdef0123'])).toString('base64url')}`,
    `${new URL(requestUrl).pathname}/package?run=%00`,
  ]) {
    const response = await page.goto(path);
    expectNoServerError(response?.status() ?? 0, path);
    await expect(page.getByRole('heading', { name: 'Something went wrong on our side' }), path).toHaveCount(0);
  }
});

test('[anyone] next-auth with a malformed callbackUrl, in the sign-in POST or its cookie, never answers 500 and only sends to this site', async ({
  request,
  playwright,
}) => {
  for (const callbackUrl of ['http://localhost:3000.evil.example/', 'http://[', '//evil.example/x', 'javascript:alert(1)']) {
    const { csrfToken } = (await (await request.get('/api/auth/csrf')).json()) as { csrfToken: string };
    const response = await request.post('/api/auth/signin/email', {
      form: { csrfToken, email: 'nobody@example.com', callbackUrl, json: 'true' },
      maxRedirects: 0,
    });
    expectNoServerError(response.status(), callbackUrl);
    const location = response.headers().location ?? ((await response.json().catch(() => ({}))) as { url?: string }).url ?? '';
    if (location) expect(new URL(location, e2eBaseUrl).origin, callbackUrl).toBe(new URL(e2eBaseUrl).origin);
  }
  for (const cookie of ['http://localhost:3000.evil.example/', 'http://[', '%ff']) {
    const context = await playwright.request.newContext({
      baseURL: e2eBaseUrl,
      extraHTTPHeaders: { cookie: `next-auth.callback-url=${cookie === '%ff' ? cookie : encodeURIComponent(cookie)}` },
    });
    for (const path of ['/api/auth/session', '/api/auth/signin', '/api/auth/providers']) {
      const response = await context.get(path, { maxRedirects: 0 });
      expectNoServerError(response.status(), `${path} with cookie ${cookie}`);
    }
    await context.dispose();
  }
});
