import { and, desc, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { planRequestSteps } from '@/app/(staff)/staff/requests/[reference]/next-step';
import { dataSources, fulfilmentRuns, requestAttachments } from '@/db/schema';
import { getRequestDetail } from '@/lib/requests/get-request-detail';
import { getRequestStatus } from '@/lib/requests/get-request-status';
import { offerCopyBeforeErasure } from '@/lib/requests/offer-copy-before-erasure';
import { startWork } from '@/lib/requests/start-work';
import { requestTypeRules } from '@/lib/validation/request-type';
import { ZSubmitRequest } from '@/lib/validation/submit-request';
import { insertShopCustomer, useDemoShop } from '@/test/support/demo-shop';
import { eventually } from '@/test/support/eventually';
import { aSubmission, uniqueEmail } from '@/test/support/fixtures';
import { getRequest, listEvents } from '@/test/support/requests';
import { useShopReleaseWorker } from '@/test/support/shop-release-worker';
import { useTestDatabase } from '@/test/support/test-database';
import { createVerifiedRequest } from '@/test/support/verified-request';
import { downloadRequesterAttachment } from './download-requester-attachment';
import { getRequestFulfilment } from './get-request-fulfilment';
import { releaseCopy } from './release-copy';
import { releasePackage } from './release-package';
import { startDryRun } from './start-dry-run';
import { startErasure } from './start-erasure';

const DAY_MS = 24 * 60 * 60 * 1000;
const db = useTestDatabase();
const shop = useDemoShop();
const setup = useShopReleaseWorker(db, shop, { folderPrefix: 'dsr-desk-copy-first-', agentName: 'Copying Agent' });

/** The newest run of this kind once the worker has finished it. */
function finishedRun(requestId: string, kind: 'gather' | 'dry_run' | 'erase') {
  return eventually(
    `the ${kind} run to finish`,
    async () => {
      const [run] = await db
        .select()
        .from(fulfilmentRuns)
        .where(and(eq(fulfilmentRuns.requestId, requestId), eq(fulfilmentRuns.kind, kind)))
        .orderBy(desc(fulfilmentRuns.createdAt))
        .limit(1);
      if (run?.status === 'failed') throw new Error(`${kind} run failed: ${run.error}`);
      return run?.status === 'succeeded' ? run : null;
    },
    { timeoutMs: 20_000 },
  );
}

async function version(requestId: string): Promise<number> {
  return (await getRequest(db, { id: requestId })).version;
}

async function eventsOf(requestId: string) {
  return listEvents(db, { requestId });
}

async function copyFirstDeletion({ language }: { language?: 'en' | 'de' } = {}) {
  const email = uniqueEmail('copy-first');
  await insertShopCustomer(shop.sql, { email, fullName: 'Ada Lovelace', orders: 2 });
  return createVerifiedRequest(db, {
    type: 'deletion',
    input: { email, fullName: 'Ada Lovelace', copyBeforeErasure: true, ...(language ? { language } : {}) },
  });
}

async function stepsOf(reference: string) {
  const detail = await getRequestDetail(db, { actor: setup.agent, reference });
  const fulfilment = await getRequestFulfilment(db, { actor: setup.agent, requestId: detail.id });
  const copy = detail.copyBeforeErasure
    ? { isReleased: detail.copyRelease !== null, isWaiting: detail.copyRelease !== null && detail.copyRelease.unblockedBy === null }
    : null;
  return planRequestSteps({
    status: detail.status,
    isAppeal: false,
    answer: requestTypeRules[detail.type].answer,
    actions: detail.availableActions,
    fulfilment,
    copy,
  });
}

describe('[requester] a deletion with a copy first gets the copy before the data is erased', () => {
  it('gathers on confirmation, releases the copy without closing, refuses erasure until the copy is downloaded, then erases', async () => {
    const { request, reference, statusToken, input } = await copyFirstDeletion();
    expect(request.copyBeforeErasure).toBe(true);
    const submitted = (await eventsOf(request.id)).find((event) => event.action === 'submitted');
    expect(submitted?.details).toMatchObject({ copyBeforeErasure: true });

    const gathered = await finishedRun(request.id, 'gather');
    expect(gathered.startedById).toBeNull();
    await startWork(db, { actor: setup.agent, reference, version: await version(request.id) });
    expect((await stepsOf(reference)).primary).toBe('release_copy');
    await expect(startErasure(db, { actor: setup.agent, reference, version: await version(request.id) })).rejects.toThrow(
      /asked for a copy of their data first: gather it and release the copy/,
    );
    // The access release would close the deletion unerased.
    await expect(
      releasePackage(db, { actor: setup.agent, reference, version: await version(request.id), message: 'Your data.' }),
    ).rejects.toThrow(/release the copy/);

    const releasedAt = new Date();
    await releaseCopy(db, {
      actor: setup.agent,
      reference,
      version: await version(request.id),
      runId: gathered.id,
      message: 'Here is your copy, as you asked.',
      now: releasedAt,
    });
    const afterRelease = await getRequest(db, { id: request.id });
    expect(afterRelease.status).toBe('in_progress');
    expect(afterRelease.closedAt).toBeNull();
    const [attachment] = await db.select().from(requestAttachments).where(eq(requestAttachments.requestId, request.id));
    expect(attachment).toMatchObject({ fileName: `${reference}-your-data.zip`, downloadCount: 0, storageKey: gathered.packageStorageKey });
    const copyReleased = (await eventsOf(request.id)).find((event) => event.action === 'copy_released');
    expect(copyReleased?.details).toMatchObject({ runId: gathered.id, attachmentId: attachment!.id, copyWaitDays: 7 });

    const mail = await eventually('the copy-ready email', async () =>
      (await setup.inbox.waitFor(input.email)).find(
        (message) => message.subject === `A copy of your data is ready before we erase it (${reference})`,
      ),
    );
    expect(mail.text).toContain('Here is your copy, as you asked.');
    expect(mail.text).toMatch(/Your data is erased once you have downloaded the copy, or from \d{1,2} \w+ \d{4} if you have not\./);

    const waiting = await getRequestStatus(db, { token: statusToken });
    expect(waiting?.copyBeforeErasure).toMatchObject({ isDownloaded: false, erasureFrom: new Date(releasedAt.getTime() + 7 * DAY_MS) });
    expect(waiting?.attachments).toEqual([expect.objectContaining({ id: attachment!.id, isAvailable: true })]);

    await startDryRun(db, { actor: setup.agent, reference, version: await version(request.id) });
    await finishedRun(request.id, 'dry_run');
    await expect(startErasure(db, { actor: setup.agent, reference, version: await version(request.id) })).rejects.toThrow(
      /has not downloaded their copy yet: erasure is possible from .* or as soon as they download it/,
    );
    expect(await stepsOf(reference)).toMatchObject({ primary: null, waiting: expect.stringContaining('download their copy') });

    const download = await downloadRequesterAttachment(db, { token: statusToken, fileId: attachment!.id, ip: null });
    expect(download).toMatchObject({ fileName: `${reference}-your-data.zip` });
    await new Response(download!.body).arrayBuffer();
    expect((await getRequestStatus(db, { token: statusToken }))?.copyBeforeErasure).toMatchObject({ isDownloaded: true });
    expect((await stepsOf(reference)).primary).toBe('erase');

    await startErasure(db, { actor: setup.agent, reference, version: await version(request.id) });
    const waitEnded = (await eventsOf(request.id)).find((event) => event.action === 'copy_wait_ended');
    expect(waitEnded?.details).toMatchObject({ reason: 'downloaded' });
    await finishedRun(request.id, 'erase');
    await eventually('the erasure to close the request', async () => (await getRequest(db, { id: request.id })).status === 'fulfilled');
  });

  it('lets the erasure go once the copy wait has passed without a download, and emails the copy in German', async () => {
    const { request, reference, input } = await copyFirstDeletion({ language: 'de' });
    const gathered = await finishedRun(request.id, 'gather');
    const releasedAt = new Date();
    await releaseCopy(db, { actor: setup.agent, reference, version: await version(request.id), message: 'Ihre Kopie.', now: releasedAt });
    await startDryRun(db, { actor: setup.agent, reference, version: await version(request.id) });
    await finishedRun(request.id, 'dry_run');
    expect(gathered.id).toBeDefined();

    const sixDaysLater = new Date(releasedAt.getTime() + 6 * DAY_MS);
    await expect(
      startErasure(db, { actor: setup.agent, reference, version: await version(request.id), now: sixDaysLater }),
    ).rejects.toThrow(/has not downloaded their copy yet/);
    const sevenDaysLater = new Date(releasedAt.getTime() + 7 * DAY_MS + 60_000);
    await startErasure(db, { actor: setup.agent, reference, version: await version(request.id), now: sevenDaysLater });
    const waitEnded = (await eventsOf(request.id)).find((event) => event.action === 'copy_wait_ended');
    expect(waitEnded?.details).toMatchObject({ reason: 'days_passed' });

    const mail = await eventually('the German copy-ready email', async () =>
      (await setup.inbox.waitFor(input.email)).find(
        (message) => message.subject === `Eine Kopie Ihrer Daten liegt vor der Löschung bereit (${reference})`,
      ),
    );
    expect(mail.text).toContain('Ihre Kopie.');
    expect(mail.text).toMatch(
      /Ihre Daten werden gelöscht, sobald Sie die Kopie heruntergeladen haben, spätestens ab dem \d{1,2}\. \S+ \d{4}\./,
    );
    await finishedRun(request.id, 'erase');
  });
});

describe('[agent] a copy release takes extra files; with no source to gather from, the uploads are the copy', () => {
  it('releases the gathered copy with an extra file the requester can download beside the ZIP', async () => {
    const { request, reference, statusToken } = await copyFirstDeletion();
    const gathered = await finishedRun(request.id, 'gather');
    const paperFile = new File(['Letters kept on paper: 2 items.'], 'paper-records.txt', { type: 'text/plain' });
    await releaseCopy(db, {
      actor: setup.agent,
      reference,
      version: await version(request.id),
      runId: gathered.id,
      message: 'Your copy, with our paper records.',
      files: [paperFile],
    });
    expect((await getRequest(db, { id: request.id })).closedAt).toBeNull();
    const attachments = await db.select().from(requestAttachments).where(eq(requestAttachments.requestId, request.id));
    expect(attachments.map((attachment) => attachment.fileName).sort()).toEqual([`${reference}-your-data.zip`, 'paper-records.txt']);
    const extra = attachments.find((attachment) => attachment.fileName === 'paper-records.txt')!;
    const download = await downloadRequesterAttachment(db, { token: statusToken, fileId: extra.id, ip: null });
    expect(Buffer.from(await new Response(download!.body).arrayBuffer()).toString('utf8')).toBe('Letters kept on paper: 2 items.');
    const released = (await eventsOf(request.id)).find((event) => event.action === 'copy_released');
    expect(released?.details).toMatchObject({ runId: gathered.id, extraFiles: 1 });
    const zip = attachments.find((attachment) => attachment.fileName.endsWith('.zip'))!;
    expect(released?.details).toMatchObject({ attachmentId: zip.id });
  });

  it('with no access source, releases a copy made only of uploaded files, and the erasure then waits for it as usual', async () => {
    const enabled = await db
      .update(dataSources)
      .set({ isEnabled: false })
      .where(eq(dataSources.isEnabled, true))
      .returning({ id: dataSources.id });
    try {
      const { request, reference, statusToken } = await copyFirstDeletion();
      expect(await db.select().from(fulfilmentRuns).where(eq(fulfilmentRuns.requestId, request.id))).toEqual([]);
      await startWork(db, { actor: setup.agent, reference, version: await version(request.id) });
      expect((await stepsOf(reference)).primary).toBe('release_copy');
      await expect(
        releaseCopy(db, { actor: setup.agent, reference, version: await version(request.id), message: 'Your copy.' }),
      ).rejects.toThrow(/nothing can be gathered: upload the copy’s files/);

      const exportFile = new File(['name,email\nAda Lovelace,ada@example.com\n'], 'crm-export.csv', { type: 'text/csv' });
      await releaseCopy(db, {
        actor: setup.agent,
        reference,
        version: await version(request.id),
        message: 'Your copy, exported by hand.',
        files: [exportFile],
      });
      const [attachment] = await db.select().from(requestAttachments).where(eq(requestAttachments.requestId, request.id));
      expect(attachment).toMatchObject({ fileName: 'crm-export.csv', downloadCount: 0 });
      const released = (await eventsOf(request.id)).find((event) => event.action === 'copy_released');
      expect(released?.details).toMatchObject({ attachmentId: attachment!.id, isFromUploadsOnly: true, extraFiles: 1 });
      expect((await getRequestStatus(db, { token: statusToken }))?.copyBeforeErasure).toMatchObject({
        isDownloaded: false,
        isFromUploadsOnly: true,
      });
      expect((await getRequestDetail(db, { actor: setup.agent, reference })).copyRelease).toMatchObject({ isFromUploadsOnly: true });
      expect(await stepsOf(reference)).toMatchObject({ primary: null, waiting: expect.stringContaining('download their copy') });

      const download = await downloadRequesterAttachment(db, { token: statusToken, fileId: attachment!.id, ip: null });
      await new Response(download!.body).arrayBuffer();
      expect((await getRequestStatus(db, { token: statusToken }))?.copyBeforeErasure).toMatchObject({ isDownloaded: true });
    } finally {
      if (enabled.length > 0)
        await db
          .update(dataSources)
          .set({ isEnabled: true })
          .where(
            inArray(
              dataSources.id,
              enabled.map((source) => source.id),
            ),
          );
    }
  });
});

describe('[agent] a deletion without the choice is erased as before; staff can offer the copy', () => {
  it('gathers nothing, releases no copy, erases after a dry run; an offered copy then holds the erasure back', async () => {
    const email = uniqueEmail('plain-deletion');
    await insertShopCustomer(shop.sql, { email, fullName: 'Alan Turing', orders: 1 });
    const { request, reference } = await createVerifiedRequest(db, { type: 'deletion', input: { email, fullName: 'Alan Turing' } });
    expect(request.copyBeforeErasure).toBe(false);
    expect(await db.select().from(fulfilmentRuns).where(eq(fulfilmentRuns.requestId, request.id))).toEqual([]);
    await startWork(db, { actor: setup.agent, reference, version: await version(request.id) });
    expect((await stepsOf(reference)).primary).toBe('dry_run');
    await expect(
      releaseCopy(db, { actor: setup.agent, reference, version: await version(request.id), message: 'A copy.' }),
    ).rejects.toThrow(/Only a deletion whose requester asked for a copy first/);

    await startDryRun(db, { actor: setup.agent, reference, version: await version(request.id) });
    await finishedRun(request.id, 'dry_run');
    const { availableActions } = await getRequestDetail(db, { actor: setup.agent, reference });
    expect(availableActions.erase).toEqual({ isAllowed: true });
    expect(availableActions.offerCopy).toEqual({ isAllowed: true });

    await offerCopyBeforeErasure(db, { actor: setup.agent, reference, version: await version(request.id) });
    expect((await getRequest(db, { id: request.id })).copyBeforeErasure).toBe(true);
    expect((await eventsOf(request.id)).map((event) => event.action)).toContain('copy_before_erasure_offered');
    await expect(offerCopyBeforeErasure(db, { actor: setup.agent, reference, version: await version(request.id) })).rejects.toThrow(
      /already part of this request/,
    );
    expect((await getRequestDetail(db, { actor: setup.agent, reference })).availableActions.erase).toMatchObject({
      isAllowed: false,
      reason: expect.stringContaining('release the copy before erasing'),
    });
    expect((await stepsOf(reference)).primary).toBe('gather');
  });

  it('refuses a copy before erasure with any other type (the JSON intake)', () => {
    const parsed = ZSubmitRequest.safeParse({ ...aSubmission({ type: 'access' }), copyBeforeErasure: true });
    expect(parsed.success).toBe(false);
    expect(ZSubmitRequest.safeParse({ ...aSubmission({ type: 'deletion' }), copyBeforeErasure: true }).success).toBe(true);
  });
});
