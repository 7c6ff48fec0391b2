import { eq } from 'drizzle-orm';
import { runQueuedJobs } from '@/test/support/job-worker';
import { afterAll, describe, expect, it } from 'vitest';
import { createDatabase } from '@/db/client';
import { jurisdictionPolicies, outboundEmails } from '@/db/schema';
import { defaultPolicies } from '@/lib/deadlines/default-policies';
import { env } from '@/lib/env';
import { isAppError } from '@/lib/errors/app-error';
import { getRequestStatus } from '@/lib/requests/get-request-status';
import { submitRequest } from '@/lib/requests/submit-request';
import { hashToken } from '@/lib/security/tokens';
import type { JurisdictionCode } from '@/lib/validation/jurisdiction';
import { aSubmission, uniqueIp } from '@/test/support/fixtures';
import { latestVerificationToken, listOutboundEmails, payloadProps, tokenFromUrl } from '@/test/support/outbox';
import { getRequest, listEvents, listTokens, submitUnverifiedRequest } from '@/test/support/requests';
import { useTestDatabase } from '@/test/support/test-database';
import { confirmVerification } from './confirm-verification';
import { findVerificationLink } from './find-verification-link';

const db = useTestDatabase();
const HOUR = 60 * 60 * 1000;

/** The `problem` of the TOKEN_INVALID error a confirmation fails with. */
async function tokenProblem(attempt: Promise<unknown>): Promise<unknown> {
  const error = await attempt.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!isAppError(error, 'TOKEN_INVALID')) throw new Error(`expected TOKEN_INVALID, got ${String(error)}`);
  return error.details.problem;
}

function tamper(token: string): string {
  const middle = Math.floor(token.length / 2);
  return token.slice(0, middle) + (token[middle] === 'A' ? 'B' : 'A') + token.slice(middle + 1);
}

describe('[requester] confirms with a valid link', () => {
  it('the request becomes new, with a DSR reference, a due date and the policy it was given', async () => {
    const { request, verificationToken } = await submitUnverifiedRequest(db, { input: aSubmission({ jurisdiction: 'eu_gdpr' }) });

    const { reference, statusToken } = await confirmVerification(db, { token: verificationToken, ip: uniqueIp() });

    expect(reference).toMatch(/^DSR-\d{4}-\d{6}$/);
    expect(statusToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const confirmed = await getRequest(db, { id: request.id });
    expect(confirmed).toMatchObject({ status: 'new', reference, unverifiedExpiresAt: null, policy: defaultPolicies.eu_gdpr });
    expect(confirmed.verifiedAt).toBeInstanceOf(Date);
    expect(confirmed.version).toBe(request.version + 1);
    const [token] = await listTokens(db, { requestId: request.id, purpose: 'verification' });
    expect(token!.usedAt).toBeInstanceOf(Date);
  });

  it.each<{ jurisdiction: JurisdictionCode; dueOn: string; acknowledgementDueOn: string | null }>([
    // 28 February 2026 is a Saturday: the UK rule rolls it to Monday, the EU rule does not.
    { jurisdiction: 'uk_gdpr', dueOn: '2026-03-02', acknowledgementDueOn: null },
    { jurisdiction: 'eu_gdpr', dueOn: '2026-02-28', acknowledgementDueOn: null },
    { jurisdiction: 'us_ca_ccpa', dueOn: '2026-03-17', acknowledgementDueOn: '2026-02-13' },
    { jurisdiction: 'br_lgpd', dueOn: '2026-02-15', acknowledgementDueOn: null },
    { jurisdiction: 'other', dueOn: '2026-04-01', acknowledgementDueOn: null },
  ])('[$jurisdiction] a request received on 31 January 2026 is due on $dueOn', async ({ jurisdiction, dueOn, acknowledgementDueOn }) => {
    const { request, verificationToken } = await submitUnverifiedRequest(db, {
      input: aSubmission({ jurisdiction }),
      now: new Date('2026-01-31T10:00:00Z'),
    });

    const { reference } = await confirmVerification(db, {
      token: verificationToken,
      ip: uniqueIp(),
      now: new Date('2026-01-31T12:00:00Z'),
    });

    expect(reference).toMatch(/^DSR-2026-\d{6}$/);
    expect(await getRequest(db, { id: request.id })).toMatchObject({
      receivedOn: '2026-01-31',
      dueOn,
      acknowledgementDueOn,
      policy: defaultPolicies[jurisdiction],
    });
  });

  it('the due date follows the policy row as it is at confirmation, and keeps that snapshot after the row changes', async () => {
    const [original] = await db.select().from(jurisdictionPolicies).where(eq(jurisdictionPolicies.code, 'br_lgpd'));
    const edited = {
      ...original!.policy,
      deadline: { unit: 'days' as const, amount: 20, rollWeekendToNextWorkingDay: false, bankHolidays: null },
    };
    const { request, verificationToken } = await submitUnverifiedRequest(db, {
      input: aSubmission({ jurisdiction: 'br_lgpd' }),
      now: new Date('2026-03-02T10:00:00Z'),
    });
    try {
      await db.update(jurisdictionPolicies).set({ policy: edited }).where(eq(jurisdictionPolicies.code, 'br_lgpd'));
      await confirmVerification(db, { token: verificationToken, ip: null, now: new Date('2026-03-02T11:00:00Z') });
    } finally {
      await db.update(jurisdictionPolicies).set({ policy: original!.policy }).where(eq(jurisdictionPolicies.code, 'br_lgpd'));
    }

    expect(await getRequest(db, { id: request.id })).toMatchObject({ dueOn: '2026-03-22', policy: edited });
  });

  it('queues the acknowledgement with the dates and a working private status link', async () => {
    const { request, verificationToken, input } = await submitUnverifiedRequest(db, {
      input: aSubmission({ jurisdiction: 'us_ca_ccpa', type: 'export' }),
      now: new Date('2026-01-31T10:00:00Z'),
    });

    const { reference, statusToken } = await confirmVerification(db, {
      token: verificationToken,
      ip: null,
      now: new Date('2026-01-31T12:00:00Z'),
    });

    const emails = await listOutboundEmails(db, { requestId: request.id });
    expect(emails.map((email) => email.template)).toEqual(['verification', 'acknowledgement']);
    const acknowledgement = emails[1]!;
    expect(acknowledgement).toMatchObject({ recipient: input.email, status: 'pending' });
    expect(payloadProps(acknowledgement)).toEqual({
      organisationName: env().ORGANISATION_NAME,
      reference,
      requestTypeLabel: 'Export — my data in a portable, machine-readable file',
      receivedOn: '2026-01-31',
      dueOn: '2026-03-17',
      jurisdictionLabel: 'California — CCPA/CPRA',
      statusUrl: `http://localhost:3999/status/${statusToken}`,
    });
    expect(tokenFromUrl(String(payloadProps(acknowledgement).statusUrl))).toBe(statusToken);
    const [statusRow, ...others] = await listTokens(db, { requestId: request.id, purpose: 'status' });
    expect(others).toHaveLength(0);
    expect(statusRow).toMatchObject({ tokenHash: hashToken(statusToken), expiresAt: null, revokedAt: null });
    expect(await getRequestStatus(db, { token: statusToken })).toMatchObject({ reference, status: 'new', dueOn: '2026-03-17' });
  });

  it('records a requester-visible "verified" event with the IP', async () => {
    const ip = uniqueIp();
    const { request, verificationToken } = await submitUnverifiedRequest(db);

    const { reference } = await confirmVerification(db, { token: verificationToken, ip });

    const events = await listEvents(db, { requestId: request.id });
    expect(events.map((event) => [event.action, event.isVisibleToRequester])).toEqual([
      ['submitted', true],
      ['verified', true],
      ['acknowledgement_queued', false],
    ]);
    expect(events[1]).toMatchObject({ actorType: 'requester', ip, details: { reference, policy: 'eu_gdpr' } });
  });
});

describe('[requester] cannot confirm with a bad link', () => {
  it('a link already used is refused as "used"', async () => {
    const { verificationToken } = await submitUnverifiedRequest(db);
    await confirmVerification(db, { token: verificationToken, ip: null });

    expect(await tokenProblem(confirmVerification(db, { token: verificationToken, ip: null }))).toBe('used');
    expect(await findVerificationLink(db, { token: verificationToken })).toEqual({ isValid: false, problem: 'used' });
  });

  it('a link more than 24 hours old is refused as "expired" and the request stays unverified', async () => {
    const submittedAt = new Date();
    const { request, verificationToken } = await submitUnverifiedRequest(db, { now: submittedAt });
    const later = new Date(submittedAt.getTime() + 24 * HOUR + 1000);

    expect(await tokenProblem(confirmVerification(db, { token: verificationToken, ip: null, now: later }))).toBe('expired');
    expect(await findVerificationLink(db, { token: verificationToken, now: later })).toEqual({ isValid: false, problem: 'expired' });
    expect((await getRequest(db, { id: request.id })).status).toBe('unverified');
  });

  it('a link that was replaced by a newer one is refused as "expired", and the newer one works', async () => {
    const { request, verificationToken: oldToken, input } = await submitUnverifiedRequest(db);
    // The first email was delivered; a resubmission then replaces its link.
    await db.update(outboundEmails).set({ status: 'sent' }).where(eq(outboundEmails.requestId, request.id));
    await submitRequest(db, { input, channel: 'web', ip: uniqueIp() });
    await runQueuedJobs(db, 'merge-duplicate-submission');
    const newToken = await latestVerificationToken(db, { requestId: request.id });

    expect(await tokenProblem(confirmVerification(db, { token: oldToken, ip: null }))).toBe('expired');
    await expect(confirmVerification(db, { token: newToken, ip: null })).resolves.toMatchObject({
      reference: expect.stringMatching(/^DSR-/),
    });
  });

  it('a tampered link (one character changed) is "unknown"', async () => {
    const { request, verificationToken } = await submitUnverifiedRequest(db);

    expect(await tokenProblem(confirmVerification(db, { token: tamper(verificationToken), ip: null }))).toBe('unknown');
    expect((await getRequest(db, { id: request.id })).status).toBe('unverified');
  });

  it.each([
    ['an empty token', ''],
    ['a short token', 'abc'],
    ['a token with characters outside base64url', `${'a'.repeat(42)}=`],
    ['a token one character too long', 'a'.repeat(44)],
  ])('%s is "unknown"', async (_description, token) => {
    expect(await tokenProblem(confirmVerification(db, { token, ip: null }))).toBe('unknown');
    expect(await findVerificationLink(db, { token })).toEqual({ isValid: false, problem: 'unknown' });
  });

  it('a status link cannot be used to confirm another request', async () => {
    const { verificationToken } = await submitUnverifiedRequest(db);
    const { statusToken } = await confirmVerification(db, { token: verificationToken, ip: null });

    expect(await tokenProblem(confirmVerification(db, { token: statusToken, ip: null }))).toBe('unknown');
  });
});

describe('[requester] presses confirm twice at once', () => {
  const { db: wideDb, close } = createDatabase(env().DATABASE_URL, { max: 4 });
  afterAll(() => close());

  it('exactly one confirmation goes through; the other is told the link was used', async () => {
    const { request, verificationToken } = await submitUnverifiedRequest(db);

    const results = await Promise.allSettled([
      confirmVerification(wideDb, { token: verificationToken, ip: null }),
      confirmVerification(wideDb, { token: verificationToken, ip: null }),
    ]);

    const succeeded = results.filter((result) => result.status === 'fulfilled');
    const refused = results.filter((result) => result.status === 'rejected');
    expect(succeeded).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(isAppError(refused[0]!.reason, 'TOKEN_INVALID') && refused[0]!.reason.details.problem).toBe('used');
    expect((await getRequest(db, { id: request.id })).reference).toBe(succeeded[0]!.value.reference);
    expect((await listOutboundEmails(db, { requestId: request.id })).filter((email) => email.template === 'acknowledgement')).toHaveLength(
      1,
    );
    expect((await listEvents(db, { requestId: request.id })).filter((event) => event.action === 'verified')).toHaveLength(1);
    expect(await listTokens(db, { requestId: request.id, purpose: 'status' })).toHaveLength(1);
  });
});

describe('[mail scanner] opens the link without pressing confirm', () => {
  it('findVerificationLink shows what would be confirmed and uses nothing up', async () => {
    const { request, verificationToken, input } = await submitUnverifiedRequest(db, {
      input: aSubmission({ type: 'deletion', jurisdiction: 'uk_gdpr' }),
    });

    const first = await findVerificationLink(db, { token: verificationToken });
    const second = await findVerificationLink(db, { token: verificationToken });

    expect(first).toEqual({
      isValid: true,
      request: {
        id: request.id,
        type: 'deletion',
        email: input.email,
        fullName: input.fullName,
        receivedAt: request.receivedAt,
        jurisdictionLabel: 'United Kingdom — UK GDPR',
      },
    });
    expect(second).toEqual(first);
    const [token] = await listTokens(db, { requestId: request.id, purpose: 'verification' });
    expect(token!.usedAt).toBeNull();
    expect(await getRequest(db, { id: request.id })).toMatchObject({ status: 'unverified', reference: null });
    await expect(confirmVerification(db, { token: verificationToken, ip: null })).resolves.toBeDefined();
  });
});
