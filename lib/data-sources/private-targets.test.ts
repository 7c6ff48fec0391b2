import { eq } from 'drizzle-orm';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { requestEvents } from '@/db/schema';
import { runSource } from '@/lib/fulfilment/run-source';
import { getNetworkSettings } from '@/lib/settings/get-network-settings';
import { setPrivateTargetsAllowed } from '@/lib/settings/set-private-targets-allowed';
import { aPostgresSourceInput, aWebhookSourceInput } from '@/test/support/data-sources';
import { createShopSource, demoShopMap, useDemoShop } from '@/test/support/demo-shop';
import { refusal } from '@/test/support/request-snapshot';
import { createStaffMember } from '@/test/support/staff';
import { useTestDatabase } from '@/test/support/test-database';
import { createVerifiedRequest } from '@/test/support/verified-request';
import { getSourceResult, useWebhookHarness } from '@/test/support/webhook-harness';
import { createSingleSourceRun, createWebhookSource } from '@/test/support/webhook-sources';
import { closeSharedDatabase } from '@/test/support/shared-database';
import { createDataSource } from './create-data-source';

const db = useTestDatabase();
const shop = useDemoShop();
const harness = useWebhookHarness(db);
afterAll(() => closeSharedDatabase());

/** The test set-up allows private targets (its receivers run here); these tests are about the default. */
beforeEach(async () => {
  await setPrivateTargetsAllowed(db, { actor: await createStaffMember(db, { role: 'admin' }), allowed: false });
});

async function createAs(input: Parameters<typeof createDataSource>[1]['input']) {
  return createDataSource(db, { actor: await createStaffMember(db, { role: 'admin' }), input });
}

const webhookTo = (url: string) =>
  aWebhookSourceInput({ config: { kind: 'webhook', url, timeoutSeconds: 2, maxAttempts: 1, callbackTimeoutHours: 72 } });

describe('[admin] a data source may not point at a private or local address by default', () => {
  it.each([
    ['loopback', 'http://127.0.0.1:8080/jobs', '127.0.0.1'],
    ['a name that resolves to loopback', 'http://localhost:8080/jobs', 'localhost resolves to'],
    ['the cloud metadata address', 'http://169.254.169.254/latest/meta-data/', '169.254.169.254'],
    ['a private network', 'https://10.0.0.5/hook', '10.0.0.5'],
    ['IPv6 loopback', 'http://[::1]:8080/jobs', '::1'],
  ])('refuses a webhook URL on %s with a field error, and saves nothing', async (_description, url, named) => {
    const error = await refusal(createAs(webhookTo(url)));

    expect(error.code).toBe('VALIDATION');
    const messages = (error.details.fieldErrors as { url: string[] }).url;
    expect(messages).toEqual([expect.stringContaining(named)]);
    expect(messages[0]).toContain('Only an admin can allow private targets');
  });

  it('refuses a PostgreSQL source on this machine, naming the address', async () => {
    const error = await refusal(createAs(aPostgresSourceInput({ connectionString: shop.databaseUrl, map: demoShopMap })));

    expect(error.code).toBe('VALIDATION');
    expect((error.details.fieldErrors as { connectionString: string[] }).connectionString).toEqual([
      expect.stringMatching(/127\.0\.0\.1.* is a private or local address/),
    ]);
  });

  it('accepts both once an admin allows private targets; the change is audited', async () => {
    const admin = await createStaffMember(db, { role: 'admin' });
    await setPrivateTargetsAllowed(db, { actor: admin, allowed: true });

    await expect(createAs(webhookTo('http://127.0.0.1:8080/jobs'))).resolves.toMatchObject({ signingSecret: expect.any(String) });
    await expect(createAs(aPostgresSourceInput({ connectionString: shop.databaseUrl, map: demoShopMap }))).resolves.toMatchObject({
      signingSecret: null,
    });
    expect(await getNetworkSettings(db)).toEqual({ allowPrivateTargets: true });
    const events = await db.select().from(requestEvents).where(eq(requestEvents.actorId, admin.staffId));
    expect(events.map((event) => [event.action, event.details])).toContainEqual([
      'settings_changed',
      { key: 'network', before: { allowPrivateTargets: false }, after: { allowPrivateTargets: true } },
    ]);
  });

  it('only an admin may change the setting', async () => {
    for (const role of ['agent', 'auditor'] as const) {
      const error = await refusal(setPrivateTargetsAllowed(db, { actor: await createStaffMember(db, { role: role }), allowed: true }));
      expect(error.code).toBe('FORBIDDEN');
    }
    expect(await getNetworkSettings(db)).toEqual({ allowPrivateTargets: false });
  });
});

describe('[worker] checks the address again when it connects', () => {
  it.each([
    ['an IP in the URL', (port: number) => `http://127.0.0.1:${port}/`],
    ['a name that resolves to a private address at request time', (port: number) => `http://localhost:${port}/`],
  ])(
    'a webhook source saved while allowed is refused once the setting is off: %s; the receiver is never called',
    async (_description, urlFor) => {
      const verified = await createVerifiedRequest(db, { type: 'access' });
      const { source } = await createWebhookSource(db, { url: urlFor(Number(new URL(harness.receiver.url).port)), maxAttempts: 3 });
      harness.track(source);
      const { resultId } = await createSingleSourceRun(db, { request: verified.request, source, kind: 'gather' });
      harness.receiver.replyWith({ status: 202, body: { status: 'accepted' } });

      await runSource(db, { sourceResultId: resultId });

      const result = await getSourceResult(db, { id: resultId });
      expect(result).toMatchObject({ status: 'failed', attempts: 1 });
      expect(result.error).toMatch(/^Refused: .*is a private or local address/);
      expect(harness.receiver.calls).toHaveLength(0);
    },
  );

  it('a PostgreSQL source saved while allowed is refused once the setting is off', async () => {
    const verified = await createVerifiedRequest(db, { type: 'access' });
    const source = await createShopSource(db, { databaseUrl: shop.databaseUrl });
    const { resultId } = await createSingleSourceRun(db, { request: verified.request, source, kind: 'dry_run' });

    await runSource(db, { sourceResultId: resultId });

    const result = await getSourceResult(db, { id: resultId });
    expect(result.status).toBe('failed');
    expect(result.error).toMatch(/is a private or local address/);
  });
});
