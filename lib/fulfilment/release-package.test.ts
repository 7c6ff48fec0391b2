import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { fulfilmentRuns, requestAttachments } from '@/db/schema';
import { getOrganisationSettings } from '@/lib/settings/get-organisation-settings';
import { eventually } from '@/test/support/eventually';
import { uniqueEmail } from '@/test/support/fixtures';
import { tokenFromUrl } from '@/test/support/outbox';
import { readZipFile } from '@/test/support/read-zip';
import { getRequest, listEvents } from '@/test/support/requests';
import { insertShopCustomer, useDemoShop } from '@/test/support/demo-shop';
import { useShopReleaseWorker } from '@/test/support/shop-release-worker';
import { useTestDatabase } from '@/test/support/test-database';
import { createVerifiedRequest } from '@/test/support/verified-request';
import { downloadRequesterAttachment } from './download-requester-attachment';
import { fulfilRequest } from '@/lib/requests/fulfil-request';
import { listAvailableActions } from '@/lib/requests/list-available-actions';
import { releasePackage } from './release-package';

const db = useTestDatabase();
const shop = useDemoShop();
const setup = useShopReleaseWorker(db, shop, { folderPrefix: 'dsr-desk-release-', agentName: 'Releasing Agent' });

/** The request's gathering run once the worker has built its package (verifying starts it). */
function builtPackageRun(requestId: string) {
  return eventually(
    'the package to be built by the worker',
    async () => {
      const [found] = await db.select().from(fulfilmentRuns).where(eq(fulfilmentRuns.requestId, requestId));
      return found?.status === 'succeeded'
        ? found
        : found?.status === 'failed'
          ? Promise.reject(new Error(`run failed: ${found.error}`))
          : null;
    },
    { timeoutMs: 20_000 },
  );
}

describe('[requester] gets their gathered data once an agent releases it', () => {
  it('verifying starts gathering by itself; the worker builds the package; release emails the requester a link to a ZIP with a download limit and expiry', async () => {
    const email = uniqueEmail('released');
    await insertShopCustomer(shop.sql, { email, fullName: 'Grace Hopper', orders: 12 });
    const { request, reference } = await createVerifiedRequest(db, { type: 'access', input: { email, fullName: 'Grace Hopper' } });

    const run = await builtPackageRun(request.id);
    expect(run.startedById).toBeNull();

    const releasedAt = new Date();
    await releasePackage(db, {
      actor: setup.agent,
      reference,
      version: (await getRequest(db, { id: request.id })).version,
      runId: run.id,
      message: 'Here is everything our shop holds about you.',
      now: releasedAt,
    });

    const { downloadDays, maxDownloads } = await getOrganisationSettings(db);
    const [attachment] = await db.select().from(requestAttachments).where(eq(requestAttachments.requestId, request.id));
    expect(attachment).toMatchObject({
      fileName: `${reference}-your-data.zip`,
      contentType: 'application/zip',
      storageKey: run.packageStorageKey,
      sizeBytes: run.packageSizeBytes,
      sha256: run.packageSha256,
      uploadedById: setup.agent.staffId,
      maxDownloads,
      downloadCount: 0,
      expiresAt: new Date(releasedAt.getTime() + downloadDays * 24 * 60 * 60 * 1000),
    });
    const [releasedRun] = await db.select().from(fulfilmentRuns).where(eq(fulfilmentRuns.id, run.id));
    expect(releasedRun).toMatchObject({ status: 'released', attachmentId: attachment!.id, releasedById: setup.agent.staffId, releasedAt });
    expect(await getRequest(db, { id: request.id })).toMatchObject({
      status: 'fulfilled',
      responseMessage: 'Here is everything our shop holds about you.',
      closedAt: releasedAt,
    });
    expect((await listEvents(db, { requestId: request.id })).map((event) => event.action)).toEqual(
      expect.arrayContaining(['data_gathering_started', 'source_succeeded', 'data_package_built', 'fulfilled', 'data_package_released']),
    );

    // Verification and acknowledgement came first; the answer is the third email.
    const mail = (await setup.inbox.waitFor(email, { count: 3 })).find(
      (message) => message.subject === `Your request ${reference} is complete`,
    );
    expect(mail!.text).toContain('Here is everything our shop holds about you.');
    expect(mail!.text).toContain('1 file is ready to download from your status page');
    const statusUrl = /http:\/\/localhost:3999\/status\/[A-Za-z0-9_-]+/.exec(mail!.text ?? '')![0];

    const download = await downloadRequesterAttachment(db, { token: tokenFromUrl(statusUrl), fileId: attachment!.id, ip: null });
    expect(download).toMatchObject({
      fileName: `${reference}-your-data.zip`,
      contentType: 'application/zip',
      sizeBytes: run.packageSizeBytes,
    });
    const bytes = Buffer.from(await new Response(download!.body).arrayBuffer());
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(run.packageSha256);
    const zipPath = path.join(setup.storageDir, 'downloaded.zip');
    writeFileSync(zipPath, bytes);
    const manifest = JSON.parse((await readZipFile(zipPath)).get('manifest.json')!.toString('utf8'));
    expect(manifest.sources[0].rowCounts.orders).toBe(12);
    expect(readFileSync(zipPath).length).toBe(run.packageSizeBytes);
    const [counted] = await db.select().from(requestAttachments).where(eq(requestAttachments.id, attachment!.id));
    expect(counted!.downloadCount).toBe(1);
  });

  it('once a package is built, releasing it is the one way to close: fulfilling by hand is refused, and the release carries the extra files', async () => {
    const email = uniqueEmail('one-way');
    await insertShopCustomer(shop.sql, { email, fullName: 'Mary Somerville', orders: 2 });
    const { request, reference } = await createVerifiedRequest(db, { type: 'access', input: { email, fullName: 'Mary Somerville' } });
    const run = await builtPackageRun(request.id);
    const current = await getRequest(db, { id: request.id });
    const paperFile = new File(['Letters kept on paper: 2 items.'], 'paper-records.txt', { type: 'text/plain' });

    const actions = await listAvailableActions(db, { actor: setup.agent, request: current });
    expect(actions.fulfil).toMatchObject({ isAllowed: false, code: 'CONFLICT' });
    expect(actions.release.isAllowed).toBe(true);
    await expect(
      fulfilRequest(db, { actor: setup.agent, reference, version: current.version, message: 'Hand-picked answer.', files: [paperFile] }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    // The refused upload left nothing behind: no attachment row for the request.
    expect(await db.select().from(requestAttachments).where(eq(requestAttachments.requestId, request.id))).toEqual([]);

    await releasePackage(db, {
      actor: setup.agent,
      reference,
      version: current.version,
      runId: run.id,
      message: 'Your data and our paper records.',
      files: [paperFile],
    });

    const attachments = await db.select().from(requestAttachments).where(eq(requestAttachments.requestId, request.id));
    expect(attachments.map((attachment) => attachment.fileName).sort()).toEqual([`${reference}-your-data.zip`, 'paper-records.txt']);
    const extra = attachments.find((attachment) => attachment.fileName === 'paper-records.txt')!;
    expect(extra.sha256).toBe(createHash('sha256').update('Letters kept on paper: 2 items.').digest('hex'));
    const released = (await listEvents(db, { requestId: request.id })).find((event) => event.action === 'data_package_released');
    expect(released?.details).toMatchObject({ runId: run.id, extraFiles: 1 });
    const mail = (await setup.inbox.waitFor(email, { count: 3 })).find(
      (message) => message.subject === `Your request ${reference} is complete`,
    );
    expect(mail!.text).toContain('2 files are ready to download from your status page');
  });
});
