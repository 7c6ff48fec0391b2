import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { fileConfirmedRequest } from '../fixtures/confirmed-request';
import { signedInStaff } from '../fixtures/staff';

// Filing and confirming a request and signing staff in go through real email: slower than the default minute.
test.describe.configure({ timeout: 180_000 });

test('[auditor] downloads the request-log CSV and finds a confirmed request in it, with a signed manifest', async ({ page, browser }) => {
  const { reference } = await fileConfirmedRequest(page);

  const auditorContext = await browser.newContext({ acceptDownloads: true });
  const auditorPage = await auditorContext.newPage();
  await signedInStaff(auditorPage, 'auditor');
  await auditorPage.getByRole('navigation', { name: 'Staff' }).getByRole('link', { name: 'Audit' }).click();
  await expect(auditorPage.getByRole('heading', { level: 1, name: 'Audit exports' })).toBeVisible();

  await auditorPage.getByLabel(/^Request log/).check();
  await auditorPage.getByLabel(/^CSV/).check();
  await auditorPage.getByRole('button', { name: 'Prepare the download' }).click();
  await expect(auditorPage.getByRole('heading', { name: 'Ready to download' })).toBeVisible();

  const downloadEvent = auditorPage.waitForEvent('download');
  await auditorPage.getByRole('link', { name: 'Download the request log (CSV)' }).click();
  const download = await downloadEvent;
  expect(download.suggestedFilename()).toMatch(/^dsr-desk-request-log-\d{8}T\d{6}Z\.csv$/);
  const content = await readFile((await download.path())!, 'utf8');
  const lines = content.trimEnd().split('\n');
  expect(lines[0]).toMatch(/^id,reference,received_at,/);
  expect(lines.some((line) => line.includes(`,${reference},`))).toBe(true);
  expect(lines.at(-1)).toMatch(/^#manifest \{"manifest":\{.*"signature":"[A-Za-z0-9+/]{86}=="\}$/);
  await auditorContext.close();
});

test('[auditor] an invalid date range is explained on the form, field by field', async ({ page }) => {
  await signedInStaff(page, 'auditor');
  await page.goto('/staff/audit?log=events&format=ndjson&from=2026-05-02&to=2026-05-01');
  await expect(page.getByRole('alert').filter({ hasText: 'There is a problem' })).toContainText(
    'To: The end date must be on or after the start date',
  );
  await expect(page.getByLabel('To', { exact: true })).toHaveValue('2026-05-01');
  await expect(page.getByRole('heading', { name: 'Ready to download' })).toHaveCount(0);
});

test('[agent] gets "You don’t have access to this page" at /staff/audit and 403 from the export API', async ({ page }) => {
  await signedInStaff(page, 'agent');
  await expect(page.getByRole('navigation', { name: 'Staff' }).getByRole('link', { name: 'Audit' })).toHaveCount(0);
  await page.goto('/staff/audit');
  await expect(page.getByRole('heading', { level: 1, name: 'You don’t have access to this page' })).toBeVisible();
  const response = await page.request.get('/api/audit/export?log=requests&format=csv');
  expect(response.status()).toBe(403);
  expect(response.headers()['content-disposition']).toBeUndefined();
});

test('[anonymous] gets 401 from the export API, and [auditor] 400 with field messages for a bad query', async ({ page, request }) => {
  const anonymous = await request.get('/api/audit/export?log=requests&format=csv');
  expect(anonymous.status()).toBe(401);

  await signedInStaff(page, 'auditor');
  const invalid = await page.request.get('/api/audit/export?log=everything&format=csv');
  expect(invalid.status()).toBe(400);
  expect(await invalid.json()).toMatchObject({ fieldErrors: { log: ['Choose the request log, the event log or the breach register'] } });

  const ndjson = await page.request.get('/api/audit/export?log=events&format=ndjson');
  expect(ndjson.status()).toBe(200);
  expect(ndjson.headers()['cache-control']).toBe('no-store');
  expect(ndjson.headers()['content-disposition']).toMatch(/^attachment; filename="dsr-desk-event-log-\d{8}T\d{6}Z\.ndjson"$/);
  const last = JSON.parse((await ndjson.text()).trimEnd().split('\n').at(-1)!) as { manifest: { log: string }; signature: string };
  expect(last.manifest.log).toBe('events');
});
