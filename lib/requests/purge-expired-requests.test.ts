import { describe, expect, it } from 'vitest';
import { hashEmail } from '@/lib/security/keyed-hash';
import { confirmVerification } from '@/lib/verification/confirm-verification';
import { findVerificationLink } from '@/lib/verification/find-verification-link';
import { aSubmission } from '@/test/support/fixtures';
import { listOutboundEmails } from '@/test/support/outbox';
import { getRequest, listEvents, listTokens, submitUnverifiedRequest, submitVerifiedRequest } from '@/test/support/requests';
import { useTestDatabase } from '@/test/support/test-database';
import { purgeExpiredRequests } from './purge-expired-requests';

const db = useTestDatabase();
const DAY = 24 * 60 * 60 * 1000;

describe('purging requests never confirmed in time', () => {
  it('expires an unverified request past its 7 days and removes its personal data, keeping the email hash', async () => {
    const submittedAt = new Date(Date.now() - 8 * DAY);
    const { request, input } = await submitUnverifiedRequest(db, { input: aSubmission({ type: 'export' }), now: submittedAt });
    const now = new Date();

    const purged = await purgeExpiredRequests(db, { now });

    expect(purged).toBeGreaterThanOrEqual(1);
    const after = await getRequest(db, { id: request.id });
    expect(after).toMatchObject({
      status: 'expired',
      email: null,
      fullName: null,
      accountIdentifier: null,
      details: null,
      emailHash: hashEmail(input.email),
      type: 'export',
      receivedOn: request.receivedOn,
      version: request.version + 1,
    });
    expect(after.purgedAt?.getTime()).toBe(now.getTime());
    expect(after.closedAt?.getTime()).toBe(now.getTime());
  });

  it('revokes its links, scrubs its unsent mail and records why', async () => {
    const submittedAt = new Date(Date.now() - 8 * DAY);
    const { request, verificationToken } = await submitUnverifiedRequest(db, { now: submittedAt });
    const now = new Date();

    await purgeExpiredRequests(db, { now });

    const tokens = await listTokens(db, { requestId: request.id, purpose: 'verification' });
    expect(tokens.map((token) => token.revokedAt?.getTime())).toEqual([now.getTime()]);
    // Even read at a moment the link had not yet timed out, it is dead now.
    expect(await findVerificationLink(db, { token: verificationToken, now: new Date(submittedAt.getTime() + 60_000) })).toEqual({
      isValid: false,
      problem: 'expired',
    });

    const emails = await listOutboundEmails(db, { requestId: request.id });
    expect(emails.map(({ status, recipient, payload, lastError }) => ({ status, recipient, payload, lastError }))).toEqual([
      { status: 'failed', recipient: null, payload: null, lastError: 'request expired before delivery' },
    ]);

    const lastEvent = (await listEvents(db, { requestId: request.id })).pop();
    expect(lastEvent).toMatchObject({
      action: 'expired_and_purged',
      actorType: 'system',
      isVisibleToRequester: false,
      details: { reason: 'not verified in time' },
    });
  });

  it('expires a request the moment its expiry is reached, not a millisecond before', async () => {
    const { request } = await submitUnverifiedRequest(db, { now: new Date(Date.now() - 30 * DAY) });
    const expiry = request.unverifiedExpiresAt!;

    await purgeExpiredRequests(db, { now: new Date(expiry.getTime() - 1) });
    expect((await getRequest(db, { id: request.id })).status).toBe('unverified');

    await purgeExpiredRequests(db, { now: expiry });
    expect((await getRequest(db, { id: request.id })).status).toBe('expired');
  });

  it('leaves a fresh unverified request and a confirmed one untouched', async () => {
    const longAgo = new Date(Date.now() - 8 * DAY);
    const fresh = await submitUnverifiedRequest(db);
    const confirmed = await submitVerifiedRequest(db, { now: longAgo });

    await purgeExpiredRequests(db, { now: new Date() });

    expect(await getRequest(db, { id: fresh.request.id })).toEqual(fresh.request);
    expect(await getRequest(db, { id: confirmed.request.id })).toEqual(confirmed.request);
    expect((await listEvents(db, { requestId: fresh.request.id })).map((event) => event.action)).toEqual(['submitted']);
    const freshEmails = await listOutboundEmails(db, { requestId: fresh.request.id });
    expect(freshEmails.map((email) => [email.status, email.recipient])).toEqual([['pending', fresh.input.email]]);
    await expect(confirmVerification(db, { token: fresh.verificationToken, ip: null })).resolves.toBeDefined();
  });

  it('returns 0 and changes nothing when a second run finds nothing left to purge', async () => {
    const { request } = await submitUnverifiedRequest(db, { now: new Date(Date.now() - 8 * DAY) });
    const now = new Date();
    await purgeExpiredRequests(db, { now });
    const afterFirst = await getRequest(db, { id: request.id });

    expect(await purgeExpiredRequests(db, { now })).toBe(0);
    expect(await getRequest(db, { id: request.id })).toEqual(afterFirst);
    expect((await listEvents(db, { requestId: request.id })).filter((event) => event.action === 'expired_and_purged')).toHaveLength(1);
  });
});
