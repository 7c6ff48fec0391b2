import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { requestAttachments } from '@/db/schema';
import { applyBulkAction } from '@/lib/queue/apply-bulk-action';
import type { StaffActor } from '@/lib/staff/staff-actor';
import { ZRejectRequest } from '@/lib/validation/staff-actions';
import { useEnvOverrides } from '@/test/support/env-overrides';
import { listOutboundEmails, payloadProps } from '@/test/support/outbox';
import { refusal, snapshotRequest } from '@/test/support/request-snapshot';
import { getRequest, listEvents } from '@/test/support/requests';
import { createStaffMember } from '@/test/support/staff';
import { useTestDatabase } from '@/test/support/test-database';
import { createVerifiedRequest } from '@/test/support/verified-request';
import { readStoredBytes } from '@/test/support/storage';
import { cancelRequest } from './cancel-request';
import { fulfilRequest } from './fulfil-request';
import { getRequestDetail } from './get-request-detail';
import { rejectRequest } from './reject-request';

const db = useTestDatabase();
const setEnv = useEnvOverrides();
let storageDir: string;

beforeEach(() => {
  storageDir = mkdtempSync(path.join(os.tmpdir(), 'dsr-desk-fulfil-'));
  setEnv({ STORAGE_DIR: storageDir });
});
afterEach(() => rmSync(storageDir, { recursive: true, force: true }));

function storedKeys(): string[] {
  try {
    return readdirSync(path.join(storageDir, 'attachments'));
  } catch {
    return [];
  }
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('[agent] fulfils a request', () => {
  let agent: StaffActor;
  beforeAll(async () => {
    agent = await createStaffMember(db, { role: 'agent', name: 'Fulfilling Agent' });
  });

  it('stores the files under STORAGE_DIR with their sha256 and size, closes the request and emails the requester', async () => {
    const { request, reference, input } = await createVerifiedRequest(db, { type: 'access' });
    const orders = 'order,date\n1,2026-01-02\n';
    const profile = '{"name":"Ada Lovelace"}';
    const now = new Date();

    await fulfilRequest(db, {
      actor: agent,
      reference,
      version: request.version,
      message: 'Your data is attached.',
      files: [
        new File([orders], 'orders.csv', { type: 'text/csv' }),
        new File([profile], '../../profile.json', { type: 'application/json' }),
        new File([], 'empty.txt'),
      ],
      now,
    });

    const attachments = await db.select().from(requestAttachments).where(eq(requestAttachments.requestId, request.id));
    expect(
      attachments
        .map(({ fileName, sizeBytes, sha256: hash, contentType, uploadedById }) => ({
          fileName,
          sizeBytes,
          hash,
          contentType,
          uploadedById,
        }))
        .sort((a, b) => a.fileName.localeCompare(b.fileName)),
    ).toEqual([
      {
        fileName: 'orders.csv',
        sizeBytes: Buffer.byteLength(orders),
        hash: sha256(orders),
        contentType: 'text/csv',
        uploadedById: agent.staffId,
      },
      {
        fileName: 'profile.json',
        sizeBytes: Buffer.byteLength(profile),
        hash: sha256(profile),
        contentType: 'application/json',
        uploadedById: agent.staffId,
      },
    ]);
    for (const attachment of attachments) {
      // Read back through the storage: on disk the file is encrypted (AES-256-GCM).
      const bytes = await readStoredBytes(attachment.storageKey);
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(attachment.sha256);
      expect(
        readFileSync(path.join(storageDir, 'attachments', attachment.storageKey))
          .subarray(0, 5)
          .toString(),
      ).toBe('DSRE1');
    }
    expect(storedKeys().sort()).toEqual(attachments.map((attachment) => attachment.storageKey).sort());

    expect(await getRequest(db, { id: request.id })).toMatchObject({
      status: 'fulfilled',
      responseMessage: 'Your data is attached.',
      closedAt: now,
    });
    const event = (await listEvents(db, { requestId: request.id })).pop();
    expect(event).toMatchObject({ action: 'fulfilled', actorType: 'staff', actorId: agent.staffId, isVisibleToRequester: true });
    expect((event!.details as { files: unknown[] }).files).toHaveLength(2);
    const detail = await getRequestDetail(db, { actor: agent, reference });
    expect(detail.events.at(-1)).toMatchObject({ action: 'fulfilled', actorName: 'Fulfilling Agent' });

    const email = (await listOutboundEmails(db, { requestId: request.id })).pop()!;
    expect(email).toMatchObject({ template: 'request-fulfilled', recipient: input.email });
    expect(payloadProps(email)).toMatchObject({ reference, message: 'Your data is attached.', attachmentCount: 2 });
  });

  it('an access request without files is refused, and nothing is stored or changed', async () => {
    const { request, reference } = await createVerifiedRequest(db, { type: 'export' });
    const before = await snapshotRequest(db, { id: request.id });

    const error = await refusal(fulfilRequest(db, { actor: agent, reference, version: request.version, message: 'Done', files: [] }));

    expect(error).toMatchObject({ code: 'VALIDATION', details: { field: 'files' } });
    expect(await snapshotRequest(db, { id: request.id })).toEqual(before);
  });

  it('files written before a refused transaction (a stale version) are removed again', async () => {
    const { request, reference } = await createVerifiedRequest(db, { type: 'access' });

    const error = await refusal(
      fulfilRequest(db, {
        actor: agent,
        reference,
        version: request.version + 5,
        message: 'Done',
        files: [new File(['data'], 'data.txt')],
      }),
    );

    expect(error.code).toBe('CONFLICT');
    expect(storedKeys()).toEqual([]);
    expect(await db.select().from(requestAttachments).where(eq(requestAttachments.requestId, request.id))).toEqual([]);
  });
});

describe('[agent] rejects a request', () => {
  let agent: StaffActor;
  beforeAll(async () => {
    agent = await createStaffMember(db, { role: 'agent', name: 'Rejecting Agent' });
  });

  it('requires a basis: the form schema says "Choose a reason"', () => {
    const parsed = ZRejectRequest.safeParse({ reference: 'DSR-2026-000001', version: '1', message: '' });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues).toEqual([expect.objectContaining({ path: ['basis'], message: 'Choose a reason' })]);
  });

  it('closes it with the basis, emails the requester the reason and message, and the event names the staff member', async () => {
    const { request, reference, input } = await createVerifiedRequest(db);
    await rejectRequest(db, {
      actor: agent,
      reference,
      version: request.version,
      basis: 'no_data_held',
      message: 'We searched every system.',
    });

    expect(await getRequest(db, { id: request.id })).toMatchObject({
      status: 'rejected',
      rejectionBasis: 'no_data_held',
      responseMessage: 'We searched every system.',
    });
    expect((await listEvents(db, { requestId: request.id })).pop()).toMatchObject({
      action: 'rejected',
      actorType: 'staff',
      actorId: agent.staffId,
      details: { basis: 'no_data_held' },
    });
    const email = (await listOutboundEmails(db, { requestId: request.id })).pop()!;
    expect(email).toMatchObject({ template: 'request-rejected', recipient: input.email });
    expect(payloadProps(email)).toMatchObject({ basisLabel: 'We hold no personal data about you', message: 'We searched every system.' });
  });

  it('in bulk as duplicates: each request audited and emailed on its own; one already closed is reported, not fatal', async () => {
    const [first, second, closed] = await Promise.all([createVerifiedRequest(db), createVerifiedRequest(db), createVerifiedRequest(db)]);
    await cancelRequest(db, { token: closed!.statusToken, ip: null });
    const closedBefore = await snapshotRequest(db, { id: closed!.request.id });

    const results = await applyBulkAction(db, {
      actor: agent,
      references: [first!.reference, closed!.reference, second!.reference],
      bulk: { action: 'reject_duplicate', message: 'See DSR-2026-000001.', isConfirmed: true },
    });

    expect(results).toEqual([
      { reference: first!.reference, isDone: true },
      { reference: closed!.reference, isDone: false, error: expect.stringContaining('cancelled') },
      { reference: second!.reference, isDone: true },
    ]);
    for (const done of [first!, second!]) {
      expect(await getRequest(db, { id: done.request.id })).toMatchObject({ status: 'rejected', rejectionBasis: 'duplicate' });
      const rejected = (await listEvents(db, { requestId: done.request.id })).filter((event) => event.action === 'rejected');
      expect(rejected).toEqual([expect.objectContaining({ actorId: agent.staffId, details: { basis: 'duplicate' } })]);
      expect(
        (await listOutboundEmails(db, { requestId: done.request.id })).filter((email) => email.template === 'request-rejected'),
      ).toHaveLength(1);
    }
    expect(await snapshotRequest(db, { id: closed!.request.id })).toEqual(closedBefore);
  });
});
