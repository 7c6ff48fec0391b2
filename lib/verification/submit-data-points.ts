import { eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { requests } from '@/db/schema';
import { recordEvent } from '@/lib/audit/record-event';
import { AppError } from '@/lib/errors/app-error';
import { findRequestByStatusToken } from '@/lib/requests/find-request-by-status-token';
import { isActive } from '@/lib/requests/request-status';
import { getVerificationLevelSettings } from '@/lib/settings/get-verification-level-settings';
import { DECLARATION_TEXT, type DataPointKind, type TSubmitDataPoints } from '@/lib/validation/verification-levels';
import { matchDataPoints } from './data-point-match';
import { pendingDataPoints } from './verification-requirement';
import { listOfferedDataPoints, readKnownDataPoints } from './verification-sources';

export type SubmitDataPointsOptions = { input: TSubmitDataPoints; ip: string | null; now?: Date };
export type SubmitDataPointsOutcome = { outcome: 'verified' } | { outcome: 'no_match'; triesLeft: number } | { outcome: 'locked' };

/**
 * The requester proves who they are on their status page by giving facts only the person should know,
 * matched against the organisation's own records (CCPA 11 CCR §7062). Every try is audited with how many
 * facts were given and matched, never the values; after the set number of failed tries verification
 * locks and the request waits for staff with the reason, so a guesser gets nowhere and the person is not stuck.
 */
export async function submitDataPoints(
  db: Database,
  { input, ip, now = new Date() }: SubmitDataPointsOptions,
): Promise<SubmitDataPointsOutcome> {
  const before = await findRequestByStatusToken(db, { token: input.token });
  if (!before) throw new AppError('NOT_FOUND', 'We could not find this request.');
  const required = pendingDataPoints(before);
  if (!required || !isActive(before.status)) throw new AppError('INVALID_TRANSITION', 'We do not need these details for this request.');

  const offered = await listOfferedDataPoints(db);
  const given: Partial<Record<DataPointKind, string>> = {};
  for (const kind of offered) if (input[kind]) given[kind] = input[kind];
  const givenCount = Object.keys(given).length;
  if (givenCount < Math.min(required.dataPoints, offered.length) || givenCount === 0) {
    throw new AppError('VALIDATION', `Fill in at least ${required.dataPoints} of the boxes.`);
  }
  if (required.level === 'declaration' && (!input.declarationName || input.declarationAgreed !== 'yes')) {
    throw new AppError('VALIDATION', 'Type your full name and tick the box to sign the declaration.', {
      fieldErrors: {
        ...(input.declarationName ? {} : { declarationName: ['Type your full name'] }),
        ...(input.declarationAgreed === 'yes' ? {} : { declarationAgreed: ['Tick the box to sign'] }),
      },
    });
  }

  // Read the sources before taking the request's lock: a slow shop database must not hold it.
  let known: Awaited<ReturnType<typeof readKnownDataPoints>>;
  try {
    known = await readKnownDataPoints(db, { email: before.email ?? '', accountIdentifier: before.accountIdentifier });
  } catch (error) {
    console.error('identity check: a verification source could not be read', error instanceof Error ? error.message : error);
    throw new AppError('CONFLICT', 'We could not check your details just now. This try was not counted. Please try again later.');
  }
  const { matched, given: givenKinds } = matchDataPoints(given, known);
  const { maxTries } = await getVerificationLevelSettings(db);

  return db.transaction(async (tx) => {
    // The row lock serialises two tries sent at once, so each is counted and the lock-out can't be raced past.
    const request = await findRequestByStatusToken(tx, { token: input.token, lock: true });
    if (!request || request.id !== before.id) throw new AppError('NOT_FOUND', 'We could not find this request.');
    if (!pendingDataPoints(request)) {
      if (request.verificationLockedAt) return { outcome: 'locked' } as const;
      throw new AppError('INVALID_TRANSITION', 'We do not need these details for this request.');
    }
    const tryNumber = request.verificationFailedTries + 1;
    const facts = { level: required.level, required: required.dataPoints, given: givenKinds, matchedCount: matched.length };

    if (matched.length >= required.dataPoints) {
      const isDeclaration = required.level === 'declaration';
      await tx
        .update(requests)
        .set({
          verificationReached: required.level,
          verificationDataPointsMatched: matched.length,
          verificationFailureReason: null,
          ...(isDeclaration ? { declarationName: input.declarationName, declarationText: DECLARATION_TEXT, declarationSignedAt: now } : {}),
          version: sql`${requests.version} + 1`,
          updatedAt: now,
        })
        .where(eq(requests.id, request.id));
      await recordEvent(tx, {
        requestId: request.id,
        actor: { type: 'requester' },
        action: 'identity_verified',
        details: { ...facts, matched, tries: tryNumber, ...(isDeclaration ? { declarationSigned: true } : {}) },
        ip,
        isVisibleToRequester: true,
      });
      return { outcome: 'verified' } as const;
    }

    const isLocked = tryNumber >= maxTries;
    const reason = isLocked
      ? `Data points did not match after ${tryNumber} ${tryNumber === 1 ? 'try' : 'tries'} (last try: ${matched.length} of ${required.dataPoints} needed matched). Check identity another way or decline.`
      : null;
    await tx
      .update(requests)
      .set({
        verificationFailedTries: tryNumber,
        ...(isLocked ? { verificationLockedAt: now, verificationFailureReason: reason } : {}),
        version: sql`${requests.version} + 1`,
        updatedAt: now,
      })
      .where(eq(requests.id, request.id));
    await recordEvent(tx, {
      requestId: request.id,
      actor: { type: 'requester' },
      action: 'identity_check_failed',
      details: { ...facts, tries: tryNumber },
      ip,
    });
    if (isLocked) {
      await recordEvent(tx, {
        requestId: request.id,
        actor: { type: 'system' },
        action: 'identity_verification_locked',
        details: { tries: tryNumber, reason },
        isVisibleToRequester: true,
      });
      return { outcome: 'locked' } as const;
    }
    return { outcome: 'no_match', triesLeft: maxTries - tryNumber } as const;
  });
}
