import { createHmac, randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { uniqueEmail } from '../fixtures/requests';
import { signedInStaff } from '../fixtures/staff';

test.describe.configure({ timeout: 180_000 });

type Received = { headers: IncomingHttpHeaders; body: string };

/** The receiving system: a real HTTP server on a free port that records each POST and answers with the next status in line. */
async function startReceiver() {
  const received: Received[] = [];
  const statuses: number[] = [];
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
    response.writeHead(statuses.shift() ?? 200).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/events`,
    received,
    statuses,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

test('[admin] subscribes a URL to request events: deliveries arrive signed, the log shows each response code, and a failed one is redelivered', async ({
  page,
  request,
}) => {
  const receiver = await startReceiver();
  try {
    await signedInStaff(page, 'admin');
    const name = `E2E ticketing ${randomBytes(3).toString('hex')}`;
    let secret = '';

    await test.step('Settings → Event webhooks: subscribe; the signing secret is shown once', async () => {
      await page.goto('/staff/settings');
      await page.getByRole('link', { name: 'Manage event webhooks' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Event webhooks' })).toBeVisible();
      await page.getByRole('textbox', { name: 'Name', exact: true }).fill(name);
      await page.getByRole('textbox', { name: 'URL', exact: true }).fill(receiver.url);
      await page.getByLabel(/^request\.created/).check();
      await page.getByRole('button', { name: 'Subscribe' }).click();
      secret = await page.getByLabel('Signing secret (shown once)').inputValue();
      expect(secret.length).toBeGreaterThan(30);
      await expect(page.getByRole('row', { name: new RegExp(name) })).toContainText('request.created');
    });

    await test.step('a request filed on the public intake is POSTed to the receiver, signed over timestamp and body', async () => {
      // The receiver refuses the first delivery (410: not retried), to be redelivered below. Other specs running
      // beside this one file requests too, so the first delivery may be theirs: every request.created goes here.
      receiver.statuses.push(410);
      const filed = await request.post('/api/requests', {
        data: { type: 'access', email: uniqueEmail('hook'), fullName: 'Grace Hopper', jurisdiction: 'eu_gdpr', isAuthorised: true },
      });
      expect(filed.status()).toBe(202);
      await expect.poll(() => receiver.received.length, { timeout: 30_000 }).toBeGreaterThanOrEqual(1);
      const [first] = receiver.received;
      expect(JSON.parse(first!.body)).toMatchObject({ type: 'request.created', data: { request: { status: 'unverified' } } });
      const expected = createHmac('sha256', secret).update(`${first!.headers['x-dsr-desk-timestamp']}.${first!.body}`).digest('hex');
      expect(first!.headers['x-dsr-desk-signature']).toBe(`v1=${expected}`);
    });

    await test.step('the delivery log shows the 410; Redeliver sends the same event again and it is delivered', async () => {
      const refusedEventId = JSON.parse(receiver.received[0]!.body).id as string;
      await page.getByRole('link', { name }).click();
      const refused = page.getByRole('row').filter({ hasText: /\b410\b/ });
      await expect(refused).toContainText('Failed');
      await refused.getByRole('button', { name: /^Redeliver/ }).click();
      await expect(page.getByText('Queued to be sent again.')).toBeVisible();
      await expect
        .poll(() => receiver.received.filter((call) => JSON.parse(call.body).id === refusedEventId).length, { timeout: 30_000 })
        .toBe(2);
      const [firstTry, secondTry] = receiver.received.filter((call) => JSON.parse(call.body).id === refusedEventId);
      expect(secondTry!.body).toBe(firstTry!.body);
      await expect
        .poll(
          async () => {
            await page.reload();
            return page.getByRole('cell', { name: '410, 200', exact: true }).count();
          },
          { timeout: 30_000 },
        )
        .toBe(1);
      await expect(page.getByRole('row').filter({ has: page.getByRole('cell', { name: '410, 200', exact: true }) })).toContainText(
        'Delivered',
      );
    });
  } finally {
    await receiver.close();
  }
});
