import { randomBytes } from 'node:crypto';
import { runQueuedJobs } from '@/test/support/job-worker';
import { describe, expect, it } from 'vitest';
import { env } from '@/lib/env';
import { aSubmission, uniqueIp } from '@/test/support/fixtures';
import { confirmVerification } from '@/lib/verification/confirm-verification';
import { latestVerificationToken, listOutboundEmails, payloadProps } from '@/test/support/outbox';
import { refusal } from '@/test/support/request-snapshot';
import { getRequest, listEvents, submitUnverifiedRequest, submitVerifiedRequest } from '@/test/support/requests';
import { useTestDatabase } from '@/test/support/test-database';
import { cancelRequest } from './cancel-request';
import { getRequestStatus } from './get-request-status';
import { submitRequest } from './submit-request';

const db = useTestDatabase();

describe('[requester] opens the private status link', () => {
  it('sees the reference, dates and a timeline of only the steps meant for them', async () => {
    // Duplicates before and after confirming add events that are internal, not for the timeline.
    const { request, input } = await submitUnverifiedRequest(db, {
      input: aSubmission({ jurisdiction: 'eu_gdpr' }),
      now: new Date('2026-03-15T08:00:00Z'),
    });
    await submitRequest(db, { input, channel: 'web', ip: uniqueIp(), now: new Date('2026-03-15T08:30:00Z') });
    await runQueuedJobs(db, 'merge-duplicate-submission');
    const verificationToken = await latestVerificationToken(db, { requestId: request.id });
    const { reference, statusToken } = await confirmVerification(db, {
      token: verificationToken,
      ip: null,
      now: new Date('2026-03-15T09:00:00Z'),
    });
    await submitRequest(db, { input, channel: 'web', ip: uniqueIp(), now: new Date('2026-03-15T10:00:00Z') });
    await runQueuedJobs(db, 'merge-duplicate-submission');

    const view = await getRequestStatus(db, { token: statusToken });

    expect(view).toMatchObject({
      reference,
      type: 'access',
      status: 'new',
      jurisdictionLabel: 'EU/EEA — GDPR',
      receivedOn: '2026-03-15',
      dueOn: '2026-04-15',
      isCancellable: true,
    });
    expect(view!.timeline.map((entry) => entry.action)).toEqual(['submitted', 'verified']);
    const allActions = (await listEvents(db, { requestId: request.id })).map((event) => event.action);
    expect(allActions).toEqual(expect.arrayContaining(['verification_link_resent', 'acknowledgement_queued', 'status_link_resent']));
  });

  it('an unknown, malformed or verification link shows nothing', async () => {
    const { verificationToken } = await submitUnverifiedRequest(db);
    expect(await getRequestStatus(db, { token: verificationToken })).toBeNull();
    expect(await getRequestStatus(db, { token: randomBytes(32).toString('base64url') })).toBeNull();
    expect(await getRequestStatus(db, { token: 'not-a-token' })).toBeNull();
  });
});

describe('[requester] cancels an open request', () => {
  it('the request is cancelled and closed, with an event and a cancellation email', async () => {
    const { request, reference, statusToken, input } = await submitVerifiedRequest(db, { input: aSubmission({ type: 'deletion' }) });
    const ip = uniqueIp();
    const now = new Date();

    await cancelRequest(db, { token: statusToken, ip, now });

    const cancelled = await getRequest(db, { id: request.id });
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.closedAt?.getTime()).toBe(now.getTime());
    expect(cancelled.version).toBe(request.version + 1);

    const lastEvent = (await listEvents(db, { requestId: request.id })).pop();
    expect(lastEvent).toMatchObject({
      action: 'cancelled',
      actorType: 'requester',
      ip,
      isVisibleToRequester: true,
      details: { from: 'new' },
    });

    const cancellation = (await listOutboundEmails(db, { requestId: request.id })).pop()!;
    expect(cancellation).toMatchObject({ template: 'cancellation', recipient: input.email, status: 'pending' });
    expect(payloadProps(cancellation)).toEqual({
      organisationName: env().ORGANISATION_NAME,
      reference,
      requestTypeLabel: 'Deletion — erase my personal data',
    });
  });

  it('the status page then shows it cancelled, no longer cancellable, with the cancellation in the timeline', async () => {
    const { statusToken, reference } = await submitVerifiedRequest(db);

    await cancelRequest(db, { token: statusToken, ip: null });

    const view = await getRequestStatus(db, { token: statusToken });
    expect(view).toMatchObject({ reference, status: 'cancelled', isCancellable: false });
    expect(view!.timeline.map((entry) => entry.action)).toEqual(['submitted', 'verified', 'cancelled']);
  });

  it('cancelling twice is refused as an invalid transition and changes nothing more', async () => {
    const { request, statusToken } = await submitVerifiedRequest(db);
    await cancelRequest(db, { token: statusToken, ip: null });
    const emailsAfterFirst = await listOutboundEmails(db, { requestId: request.id });

    expect((await refusal(cancelRequest(db, { token: statusToken, ip: null }))).code).toBe('INVALID_TRANSITION');
    expect(await listOutboundEmails(db, { requestId: request.id })).toHaveLength(emailsAfterFirst.length);
    expect((await listEvents(db, { requestId: request.id })).filter((event) => event.action === 'cancelled')).toHaveLength(1);
  });

  it('after cancelling, can file the same kind of request again', async () => {
    const { statusToken, input } = await submitVerifiedRequest(db);
    await cancelRequest(db, { token: statusToken, ip: null });

    expect(await submitRequest(db, { input, channel: 'web', ip: uniqueIp() })).toBe('created');
  });

  it('with an unknown or malformed link, is told the request was not found', async () => {
    expect((await refusal(cancelRequest(db, { token: randomBytes(32).toString('base64url'), ip: null }))).code).toBe('NOT_FOUND');
    expect((await refusal(cancelRequest(db, { token: 'not-a-token', ip: null }))).code).toBe('NOT_FOUND');
  });
});
