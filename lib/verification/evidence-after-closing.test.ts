import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { identityEvidence } from '@/db/schema';
import { cancelRequest } from '@/lib/requests/cancel-request';
import { fulfilRequest } from '@/lib/requests/fulfil-request';
import { purgeExpiredRequests } from '@/lib/requests/purge-expired-requests';
import { submitRequest } from '@/lib/requests/submit-request';
import { getStorage } from '@/lib/storage/get-storage';
import { ZSubmitRequestForm } from '@/lib/validation/submit-request';
import { aSubmission, uniqueEmail, uniqueIp } from '@/test/support/fixtures';
import { getRequest, listEvents, listRequestsForEmail } from '@/test/support/requests';
import { useStaffTeam } from '@/test/support/staff';
import { useTestDatabase } from '@/test/support/test-database';
import { createVerifiedRequest } from '@/test/support/verified-request';
import { confirmVerification } from './confirm-verification';
import { deleteExpiredEvidence } from './delete-expired-evidence';
import { evidenceObjectKey } from './evidence-file';
import { requestEvidence } from './request-evidence';
import { uploadEvidence } from './upload-evidence';
import { latestVerificationToken } from '@/test/support/outbox';

const db = useTestDatabase();
const team = useStaffTeam(db);

const DAY_MS = 86_400_000;
// The default retention (settings untouched in this file's database).
const RETENTION_DAYS = 7;

function aSignedPermission(): File {
  return new File([Buffer.from('%PDF-1.4 I authorise Rita to act for me')], 'permission.pdf', { type: 'application/pdf' });
}

async function fileAsAgent({ now }: { now: Date }) {
  const input = ZSubmitRequestForm.parse({
    ...aSubmission({ type: 'access' }),
    agentName: 'Rita Representative',
    agentEmail: uniqueEmail('agent'),
    agentPermission: aSignedPermission(),
  });
  expect(await submitRequest(db, { input, channel: 'web', ip: uniqueIp(), now })).toBe('created');
  const [request] = await listRequestsForEmail(db, { email: input.email });
  const [permission] = await db.select().from(identityEvidence).where(eq(identityEvidence.requestId, request!.id));
  return { request: request!, permission: permission! };
}

async function evidenceRow(id: string) {
  const [row] = await db.select().from(identityEvidence).where(eq(identityEvidence.id, id));
  return row!;
}

/** Runs the deletion job at `closedAt` + days, returning whether this file's row was deleted by then. */
async function isDeletedAfter(id: string, closedAt: Date, days: number): Promise<boolean> {
  await deleteExpiredEvidence(db, { now: new Date(closedAt.getTime() + days * DAY_MS) });
  return (await evidenceRow(id)).deletedAt !== null;
}

describe('evidence of a request closed without a staff check is deleted the set number of days after closing', () => {
  it('an agent’s signed permission on a request fulfilled without a staff check', async () => {
    const filedAt = new Date(Date.now() - 30 * DAY_MS);
    const { request, permission } = await fileAsAgent({ now: filedAt });
    const token = await latestVerificationToken(db, { requestId: request.id });
    const { reference } = await confirmVerification(db, { token, ip: uniqueIp(), now: filedAt });
    const closedAt = new Date(filedAt.getTime() + 2 * DAY_MS);
    await fulfilRequest(db, {
      actor: team.agent,
      reference,
      version: (await getRequest(db, { id: request.id })).version,
      message: 'Here is your data.',
      files: [new File(['name\nAda\n'], 'your-data.csv', { type: 'text/csv' })],
      now: closedAt,
    });
    expect(await evidenceRow(permission.id)).toMatchObject({ deleteAfter: null, deletedAt: null });

    // No identity decision was ever made: the retention period counts from the closing.
    expect(await isDeletedAfter(permission.id, closedAt, RETENTION_DAYS - 1)).toBe(false);
    expect(await isDeletedAfter(permission.id, closedAt, RETENTION_DAYS + 1)).toBe(true);
    expect(await getStorage().exists(evidenceObjectKey(permission.storageKey))).toBe(false);
    const deletion = (await listEvents(db, { requestId: request.id })).find((event) => event.action === 'identity_evidence_deleted');
    expect(deletion).toMatchObject({
      actorType: 'system',
      details: { evidenceId: permission.id, kind: 'agent_permission', reason: 'retention period after the request closed ended' },
    });
  });

  it('an agent’s signed permission on a request that expired unconfirmed', async () => {
    const filedAt = new Date(Date.now() - 60 * DAY_MS);
    const { request, permission } = await fileAsAgent({ now: filedAt });
    const expiredAt = new Date((await getRequest(db, { id: request.id })).unverifiedExpiresAt!.getTime() + 1000);
    await purgeExpiredRequests(db, { now: expiredAt });
    expect(await getRequest(db, { id: request.id })).toMatchObject({ status: 'expired', isFiledByAgent: true, agentEmail: null });

    expect(await isDeletedAfter(permission.id, expiredAt, RETENTION_DAYS - 1)).toBe(false);
    expect(await isDeletedAfter(permission.id, expiredAt, RETENTION_DAYS + 1)).toBe(true);
    expect(await getStorage().exists(evidenceObjectKey(permission.storageKey))).toBe(false);
  });

  it('[requester] an identity document sent when asked, on a request the requester then cancelled', async () => {
    const { request, reference, statusToken } = await createVerifiedRequest(db, { type: 'deletion' });
    await requestEvidence(db, { actor: team.agent, reference, version: (await getRequest(db, { id: request.id })).version });
    const document = new File([Buffer.from('%PDF-1.4 passport')], 'passport.pdf', { type: 'application/pdf' });
    await uploadEvidence(db, { token: statusToken, file: document, ip: null });
    const [uploaded] = await db.select().from(identityEvidence).where(eq(identityEvidence.requestId, request.id));

    // Open and undecided: never deleted, however long it waits.
    expect(await isDeletedAfter(uploaded!.id, new Date(), 365)).toBe(false);

    const cancelledAt = new Date();
    await cancelRequest(db, { token: statusToken, ip: null, now: cancelledAt });
    expect(await isDeletedAfter(uploaded!.id, cancelledAt, RETENTION_DAYS - 1)).toBe(false);
    expect(await isDeletedAfter(uploaded!.id, cancelledAt, RETENTION_DAYS + 1)).toBe(true);
    expect(await getStorage().exists(evidenceObjectKey(uploaded!.storageKey))).toBe(false);
    // The row stays, as the record that the document existed.
    expect(await evidenceRow(uploaded!.id)).toMatchObject({ fileName: 'passport.pdf', kind: 'identity_document' });
  });
});
