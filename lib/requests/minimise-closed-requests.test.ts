import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dataSources, fulfilmentRuns, fulfilmentSourceResults, requestAttachments, requestNotes, requests, settings } from '@/db/schema';
import { toCalendarDate } from '@/lib/deadlines/calendar-date';
import { Readable } from 'node:stream';
import { attachmentObjectKey } from '@/lib/fulfilment/store-attachment-file';
import { getStorage } from '@/lib/storage/get-storage';
import { stagedKeys, stageFile, storedObjectExists } from '@/test/support/storage';
import { getOrganisationSettings, ORGANISATION_SETTINGS_KEY } from '@/lib/settings/get-organisation-settings';
import type { StaffActor } from '@/lib/staff/staff-actor';
import { useEnvOverrides } from '@/test/support/env-overrides';
import { listOutboundEmails } from '@/test/support/outbox';
import { getRequest, listEvents, listTokens } from '@/test/support/requests';
import { createStaffTeam } from '@/test/support/staff';
import { useTestDatabase } from '@/test/support/test-database';
import { createVerifiedRequest } from '@/test/support/verified-request';
import { addNote } from './add-note';
import { findMinimisedRequest } from './find-minimised-request';
import { fulfilRequest } from './fulfil-request';
import { getRequestDetail } from './get-request-detail';
import { getRequestStatus } from './get-request-status';
import { minimiseClosedRequests, selectDueRequests } from './minimise-closed-requests';
import { rejectRequest } from './reject-request';

const db = useTestDatabase();
const setEnv = useEnvOverrides();
const DAY = 24 * 60 * 60 * 1000;
let storageDir: string;
let agent: StaffActor;
let auditor: StaffActor;
let checklist: { id: string };

beforeAll(async () => {
  ({ agent, auditor } = await createStaffTeam(db));
  // Disabled: only here to give a run a per-source outcome the job must keep.
  [checklist] = await db
    .insert(dataSources)
    .values({
      slug: `test-${randomUUID().slice(0, 12)}`,
      name: 'Paper files (test)',
      kind: 'manual',
      isEnabled: false,
      config: { kind: 'manual', instructions: 'Check the cabinet.' },
    })
    .returning({ id: dataSources.id });
});
beforeEach(() => {
  storageDir = mkdtempSync(path.join(os.tmpdir(), 'dsr-desk-minimise-'));
  setEnv({ STORAGE_DIR: storageDir });
});
afterEach(() => rmSync(storageDir, { recursive: true, force: true }));
afterAll(async () => {
  await db.update(dataSources).set({ isEnabled: false }).where(eq(dataSources.id, checklist.id));
});

/** An access request closed `daysAgo` days ago with a file, a staff note and identity details, as a real one would be. */
async function closedAccessRequest(daysAgo: number) {
  const closedAt = new Date(Date.now() - daysAgo * DAY);
  const verified = await createVerifiedRequest(db, { type: 'access', now: new Date(closedAt.getTime() - 20 * DAY) });
  await db
    .update(requests)
    .set({ identityCheck: 'Passport seen at the counter', intakeChannelDetail: 'letter' })
    .where(eq(requests.id, verified.request.id));
  await addNote(db, { actor: agent, reference: verified.reference, body: 'Customer called about order 4711.' });
  const version = (await getRequest(db, { id: verified.request.id })).version;
  await fulfilRequest(db, {
    actor: agent,
    reference: verified.reference,
    version,
    message: 'Here is your data, Ada.',
    files: [new File(['id,name\n1,Ada\n'], 'data.csv', { type: 'text/csv' })],
    now: closedAt,
  });
  return { ...verified, closedAt };
}

/** A gather run with an unreleased package file, staged files and one source's outcome. */
async function gatherRunWithFiles(requestId: string) {
  const packageKey = randomUUID();
  const [run] = await db
    .insert(fulfilmentRuns)
    .values({
      requestId,
      kind: 'gather',
      status: 'succeeded',
      packageStorageKey: packageKey,
      packageSizeBytes: 10,
      packageSha256: 'ab'.repeat(32),
    })
    .returning();
  await db.insert(fulfilmentSourceResults).values({
    runId: run!.id,
    sourceId: checklist.id,
    sourceName: 'Paper files (test)',
    sourceKind: 'manual',
    status: 'succeeded',
    rowCounts: { cabinet: 2 },
    note: 'Checked the cabinet.',
  });
  await getStorage().put(attachmentObjectKey(packageKey), Readable.from([Buffer.from('zip bytes')]));
  await stageFile(`staging/${run!.id}/paper-files/paper-files.json`, '{"name":"Ada"}');
  return { run: run!, packageKey };
}

describe('[system] removes personal data from requests closed longer than the retention period', () => {
  it('minimises an old closed request and keeps what accountability needs; recent closed and open requests are untouched', async () => {
    const old = await closedAccessRequest(400);
    const { run, packageKey } = await gatherRunWithFiles(old.request.id);
    const [file] = await db.select().from(requestAttachments).where(eq(requestAttachments.requestId, old.request.id));
    const beforeOld = await getRequest(db, { id: old.request.id });
    const recent = await createVerifiedRequest(db, { type: 'deletion' });
    await rejectRequest(db, {
      actor: agent,
      reference: recent.reference,
      version: recent.request.version,
      basis: 'identity_not_verified',
      message: 'We could not match you.',
      now: new Date(Date.now() - 10 * DAY),
    });
    const open = await createVerifiedRequest(db, { type: 'export', now: new Date(Date.now() - 500 * DAY) });
    const beforeRecent = await getRequest(db, { id: recent.request.id });
    const beforeOpen = await getRequest(db, { id: open.request.id });
    const now = new Date();

    expect(await minimiseClosedRequests(db, { now })).toBeGreaterThanOrEqual(1);

    const after = await getRequest(db, { id: old.request.id });
    expect(after).toMatchObject({
      email: null,
      fullName: null,
      accountIdentifier: null,
      details: null,
      responseMessage: null,
      identityCheck: null,
      intakeChannelDetail: null,
      purgedAt: now,
      reference: old.reference,
      type: 'access',
      status: 'fulfilled',
      emailHash: beforeOld.emailHash,
      receivedOn: beforeOld.receivedOn,
      dueOn: beforeOld.dueOn,
      closedAt: old.closedAt,
      version: beforeOld.version + 1,
    });
    expect(await db.select().from(requestNotes).where(eq(requestNotes.requestId, old.request.id))).toHaveLength(0);

    // Files: the attachment and the unreleased package are gone from storage, the staging folder too; their records stay.
    expect(await storedObjectExists(file!.storageKey)).toBe(false);
    expect(await storedObjectExists(packageKey)).toBe(false);
    expect(await stagedKeys(run.id)).toEqual([]);
    const [fileAfter] = await db.select().from(requestAttachments).where(eq(requestAttachments.id, file!.id));
    expect(fileAfter).toMatchObject({ deletedAt: now, sha256: file!.sha256, sizeBytes: file!.sizeBytes });
    const [runAfter] = await db.select().from(fulfilmentRuns).where(eq(fulfilmentRuns.id, run.id));
    expect(runAfter).toMatchObject({ kind: 'gather', status: 'succeeded', packageDeletedAt: now, packageSha256: run.packageSha256 });
    const [outcome] = await db.select().from(fulfilmentSourceResults).where(eq(fulfilmentSourceResults.runId, run.id));
    expect(outcome).toMatchObject({ sourceName: 'Paper files (test)', status: 'succeeded', rowCounts: { cabinet: 2 } });

    // Links and mail: status links revoked, undelivered mail scrubbed.
    expect(
      (await listTokens(db, { requestId: old.request.id, purpose: 'status' })).every(
        (token) => token.revokedAt?.getTime() === now.getTime(),
      ),
    ).toBe(true);
    expect(await getRequestStatus(db, { token: old.statusToken })).toBeNull();
    expect(await findMinimisedRequest(db, { token: old.statusToken })).toEqual({
      reference: old.reference,
      type: 'access',
      status: 'fulfilled',
      minimisedOn: toCalendarDate(now, 'UTC'),
    });
    const emails = await listOutboundEmails(db, { requestId: old.request.id });
    expect(emails.length).toBeGreaterThan(0);
    for (const email of emails) expect(email).toMatchObject({ recipient: null, payload: null });
    expect(emails.find((email) => email.template === 'request-fulfilled')).toMatchObject({
      status: 'failed',
      lastError: 'personal data removed after the retention period',
    });

    const event = (await listEvents(db, { requestId: old.request.id })).pop();
    expect(event).toMatchObject({
      action: 'personal_data_minimised',
      actorType: 'system',
      isVisibleToRequester: false,
      details: { retentionDays: 365, notesDeleted: 1, filesDeleted: 1, packagesDeleted: 1 },
    });
    expect(JSON.stringify(event)).not.toContain(old.input.email);

    // The staff page reads the date and no longer any personal data.
    const detail = await getRequestDetail(db, { actor: auditor, reference: old.reference });
    expect(detail).toMatchObject({ minimisedOn: toCalendarDate(now, 'UTC'), email: null, fullName: null, notes: [], attachments: [] });

    const noteAfter = await addNote(db, { actor: agent, reference: old.reference, body: 'Ada phoned again.' }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(noteAfter).toMatchObject({ code: 'INVALID_TRANSITION' });

    expect(await getRequest(db, { id: recent.request.id })).toEqual(beforeRecent);
    expect(await getRequest(db, { id: open.request.id })).toEqual(beforeOpen);
    expect((await listEvents(db, { requestId: recent.request.id })).map((row) => row.action)).not.toContain('personal_data_minimised');
  });

  it('is idempotent: a second run changes nothing and records nothing more', async () => {
    const old = await closedAccessRequest(366);
    const now = new Date();
    await minimiseClosedRequests(db, { now });
    const once = await getRequest(db, { id: old.request.id });

    await minimiseClosedRequests(db, { now: new Date(now.getTime() + DAY) });

    expect(await getRequest(db, { id: old.request.id })).toEqual(once);
    expect(
      (await listEvents(db, { requestId: old.request.id })).filter((event) => event.action === 'personal_data_minimised'),
    ).toHaveLength(1);
  });

  it('follows the retention setting: a request closed 100 days ago is kept at 365 days and minimised at 90', async () => {
    const closed = await closedAccessRequest(100);
    await minimiseClosedRequests(db, { now: new Date() });
    expect((await getRequest(db, { id: closed.request.id })).purgedAt).toBeNull();

    const [saved] = await db.select().from(settings).where(eq(settings.key, ORGANISATION_SETTINGS_KEY));
    const shorter = { ...(await getOrganisationSettings(db)), personalDataRetentionDays: 90 };
    await db
      .insert(settings)
      .values({ key: ORGANISATION_SETTINGS_KEY, value: shorter })
      .onConflictDoUpdate({ target: settings.key, set: { value: shorter } });
    try {
      await minimiseClosedRequests(db, { now: new Date() });
    } finally {
      if (saved) await db.update(settings).set({ value: saved.value }).where(eq(settings.key, ORGANISATION_SETTINGS_KEY));
      else await db.delete(settings).where(eq(settings.key, ORGANISATION_SETTINGS_KEY));
    }
    expect((await getRequest(db, { id: closed.request.id })).purgedAt).not.toBeNull();
  });

  it('works through many requests in small keyset batches, and leaves one an agent holds locked for the next run', async () => {
    const closedAt = new Date(Date.now() - 500 * DAY);
    const many = [];
    for (let index = 0; index < 5; index += 1) {
      const verified = await createVerifiedRequest(db, { type: 'deletion', now: new Date(closedAt.getTime() - DAY) });
      await rejectRequest(db, {
        actor: agent,
        reference: verified.reference,
        version: verified.request.version,
        basis: 'spam',
        now: closedAt,
      });
      many.push(verified);
    }
    const held = many[2]!;

    let release!: () => void;
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const holding = db.transaction(async (tx) => {
      await tx.select().from(requests).where(eq(requests.id, held.request.id)).for('update');
      locked();
      await new Promise<void>((resolve) => (release = resolve));
    });
    await isLocked;
    try {
      await minimiseClosedRequests(db, { now: new Date(), batchSize: 2 });
    } finally {
      release();
      await holding;
    }

    for (const verified of many) {
      const row = await getRequest(db, { id: verified.request.id });
      if (verified === held) expect(row).toMatchObject({ purgedAt: null, email: verified.input.email });
      else expect(row).toMatchObject({ email: null, fullName: null, status: 'rejected', rejectionBasis: 'spam' });
    }
    await minimiseClosedRequests(db, { now: new Date(), batchSize: 2 });
    expect(await getRequest(db, { id: held.request.id })).toMatchObject({ email: null, purgedAt: expect.any(Date) });
  });

  it('finds its batches through the requests_awaiting_minimisation index', async () => {
    const plan = await db.transaction(async (tx) => {
      // The test database is small enough for a sequential scan to win; this asks whether the index can serve the query at all.
      await tx.execute(sql`set local enable_seqscan = off`);
      const query = selectDueRequests(tx, {
        closedBefore: new Date(),
        cursor: { closedAt: new Date(0).toISOString(), id: randomUUID() },
        limit: 250,
      });
      const rows = await tx.execute<{ 'QUERY PLAN': string }>(sql`explain ${query.getSQL()}`);
      return rows.map((row) => row['QUERY PLAN']).join('\n');
    });
    expect(plan).toContain('requests_awaiting_minimisation');
  });
});
