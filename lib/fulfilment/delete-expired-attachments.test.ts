import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { requestAttachments } from '@/db/schema';
import { fulfilRequest } from '@/lib/requests/fulfil-request';
import { useEnvOverrides } from '@/test/support/env-overrides';
import { listEvents } from '@/test/support/requests';
import { createStaffMember } from '@/test/support/staff';
import { useTestDatabase } from '@/test/support/test-database';
import { createVerifiedRequest } from '@/test/support/verified-request';
import { deleteExpiredAttachments } from './delete-expired-attachments';
import { storedObjectExists } from '@/test/support/storage';

const db = useTestDatabase();
const setEnv = useEnvOverrides();
let storageDir: string;

beforeEach(() => {
  storageDir = mkdtempSync(path.join(os.tmpdir(), 'dsr-desk-expiry-'));
  setEnv({ STORAGE_DIR: storageDir });
});
afterEach(() => rmSync(storageDir, { recursive: true, force: true }));

describe('[system] deletes fulfilment files whose download link has expired', () => {
  it('removes the bytes, keeps the record, audits it, and leaves files still in their window alone', async () => {
    const agent = await createStaffMember(db, { role: 'agent' });
    const fulfilledAt = new Date();
    const old = await createVerifiedRequest(db, { type: 'access' });
    const recent = await createVerifiedRequest(db, { type: 'access' });
    for (const subject of [old, recent]) {
      await fulfilRequest(db, {
        actor: agent,
        reference: subject.reference,
        version: subject.request.version,
        message: 'Attached.',
        files: [new File(['a,b\n1,2\n'], 'data.csv', { type: 'text/csv' })],
        now: fulfilledAt,
      });
    }
    const [oldFile] = await db.select().from(requestAttachments).where(eq(requestAttachments.requestId, old.request.id));
    const [recentFile] = await db.select().from(requestAttachments).where(eq(requestAttachments.requestId, recent.request.id));
    // Only the first one's link has run out.
    await db
      .update(requestAttachments)
      .set({ expiresAt: new Date(fulfilledAt.getTime() - 1000) })
      .where(eq(requestAttachments.id, oldFile!.id));

    expect(await deleteExpiredAttachments(db, { now: fulfilledAt })).toBeGreaterThanOrEqual(1);

    expect(await storedObjectExists(oldFile!.storageKey)).toBe(false);
    expect(await storedObjectExists(recentFile!.storageKey)).toBe(true);
    const [afterOld] = await db.select().from(requestAttachments).where(eq(requestAttachments.id, oldFile!.id));
    expect(afterOld).toMatchObject({ deletedAt: fulfilledAt, sha256: oldFile!.sha256, fileName: 'data.csv' });
    expect((await listEvents(db, { requestId: old.request.id })).map((event) => event.action)).toContain('attachment_deleted');

    // A second run finds nothing more to do for it.
    await deleteExpiredAttachments(db, { now: fulfilledAt });
    expect((await listEvents(db, { requestId: old.request.id })).filter((event) => event.action === 'attachment_deleted')).toHaveLength(1);
  });
});
