import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import { expect, test } from '@playwright/test';
import { freePort } from '../../test/support/free-port';
import { fileConfirmedRequest } from '../fixtures/confirmed-request';
import { insertShopCustomerAndNeighbour } from '../fixtures/demo-shop';
import { e2eBaseUrl } from '../fixtures/e2e-ports';
import { signedInStaff } from '../fixtures/staff';

// Runs alone, after every other spec (playwright.config.ts, project "webhook"): while it runs, its
// source is switched on, and every access request gathered meanwhile would be sent to it.
test.describe.configure({ timeout: 180_000 });

type Job = { jobId: string; type: string; dryRun: boolean; reference: string; subject: { email: string }; callbackUrl: string };

const sign = (secret: string, timestamp: string, body: string) => createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');

function isSignedBy(secret: string, headers: IncomingHttpHeaders, body: string): boolean {
  const timestamp = String(headers['x-dsr-desk-timestamp'] ?? '');
  const expected = Buffer.from(`v1=${sign(secret, timestamp, body)}`);
  const given = Buffer.from(String(headers['x-dsr-desk-signature'] ?? ''));
  return Math.abs(Date.now() / 1000 - Number(timestamp)) < 300 && given.length === expected.length && timingSafeEqual(given, expected);
}

async function postSignedCallback(secret: string, url: string, body: string): Promise<{ status: number; text: string }> {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'X-DSR-Desk-Timestamp': timestamp,
      'X-DSR-Desk-Signature': `v1=${sign(secret, timestamp, body)}`,
    },
    body,
  });
  return { status: response.status, text: await response.text() };
}

test('[admin] connects a system by webhook: its signed job is accepted, answered by a signed callback, and the data lands in the package', async ({
  page,
  browser,
}) => {
  // The other system: checks our signature, accepts the job (202), and answers a moment later by callback.
  let secret = '';
  const jobs: Job[] = [];
  const unsigned: string[] = [];
  const callbacks: { body: string; status: number }[] = [];
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    if (!isSignedBy(secret, request.headers, body)) {
      unsigned.push(body);
      response.writeHead(401).end();
      return;
    }
    const job = JSON.parse(body) as Job;
    jobs.push(job);
    response.writeHead(202, { 'Content-Type': 'application/json' }).end(JSON.stringify({ status: 'accepted' }));
    const answer = JSON.stringify({
      jobId: job.jobId,
      status: 'completed',
      tables: { loyalty_accounts: [{ email: job.subject.email, points: 420, tier: 'gold' }] },
    });
    setTimeout(() => {
      void postSignedCallback(secret, job.callbackUrl, answer).then(({ status }) => callbacks.push({ body: answer, status }));
    }, 300);
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const name = `Loyalty CRM ${randomBytes(3).toString('hex')}`;
  let sourcePath = '';

  try {
    await signedInStaff(page, 'admin');
    await test.step('the admin adds the webhook source for access requests and copies its secret', async () => {
      await page.goto('/staff/settings/sources/new');
      await page.getByLabel(/^Webhook \(HTTP\)/).check();
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.getByLabel('Name', { exact: true }).fill(name);
      await page.getByLabel('Job URL').fill(`http://127.0.0.1:${port}/dsr-jobs`);
      await page.getByLabel(/^Deletion requests/).uncheck();
      await page.getByRole('button', { name: 'Add data source' }).click();
      secret = await page.getByLabel('Signing secret (shown once)').inputValue();
      expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
      await page.getByRole('link', { name: 'Back to data sources' }).click();
      await page.getByRole('link', { name }).click();
      await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
      sourcePath = new URL(page.url()).pathname;
    });

    const { subject } = await insertShopCustomerAndNeighbour({ fullName: 'Radia Perlman', orders: 1 });
    const requesterContext = await browser.newContext();
    const request = await test.step('a shop customer files and confirms an access request', async () =>
      fileConfirmedRequest(await requesterContext.newPage(), { type: 'access', email: subject.email, fullName: subject.fullName }));
    await requesterContext.close();

    await test.step('the system got a signed access job for that person, and its callback was taken', async () => {
      await expect.poll(() => callbacks.length, { timeout: 60_000 }).toBeGreaterThan(0);
      expect(unsigned).toEqual([]);
      expect(jobs[0]).toMatchObject({ type: 'access', dryRun: false, reference: request.reference, subject: { email: subject.email } });
      expect(jobs[0]!.callbackUrl).toBe(`${e2eBaseUrl}/api/callbacks/${sourcePath.split('/').pop()}`);
      expect(callbacks[0]!.status).toBe(200);
    });

    await test.step("the request page shows both sources done, and the package preview holds the system's rows", async () => {
      await page.goto(`/staff/requests/${request.reference}`);
      const panel = page.getByRole('region', { name: 'Data from your systems' });
      await expect(panel.getByText(/^Package ready/)).toBeVisible({ timeout: 60_000 });
      await expect(panel.getByRole('row', { name: new RegExp(name) })).toContainText('loyalty_accounts: 1 row');
      await panel.getByRole('link', { name: 'Preview the package' }).click();
      const loyalty = page.getByRole('table', { name: /loyalty_accounts/ });
      await expect(loyalty).toContainText('420');
      await expect(loyalty).toContainText('gold');
    });

    await test.step('the same callback sent again is refused and changes nothing', async () => {
      const replay = await postSignedCallback(secret, jobs[0]!.callbackUrl, callbacks[0]!.body);
      expect(replay.status).toBe(409);
      const forged = await fetch(jobs[0]!.callbackUrl, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-DSR-Desk-Timestamp': '1', 'X-DSR-Desk-Signature': 'v1=00' },
        body: callbacks[0]!.body,
      });
      expect(forged.status).toBe(401);
    });
  } finally {
    if (sourcePath) {
      await page.goto(sourcePath);
      await page.getByRole('button', { name: 'Switch off' }).click();
      await expect(page.getByRole('button', { name: 'Switch on' })).toBeVisible();
    }
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});
