import { translatorFor } from '@/lib/i18n/translator';
import { supportedLocaleOf } from '@/lib/i18n/locales';
import { eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { requests } from '@/db/schema';
import { recordEvent } from '@/lib/audit/record-event';
import { AppError } from '@/lib/errors/app-error';
import { findRequestByStatusToken } from '@/lib/requests/find-request-by-status-token';
import { isActive } from '@/lib/requests/request-status';
import { getVerificationLevelSettings } from '@/lib/settings/get-verification-level-settings';
import type { DataPointKind, TSubmitDataPoints } from '@/lib/validation/verification-levels';
import { matchDataPoints, normaliseDataPoint } from './data-point-match';
import { pendingDataPoints } from './verification-requirement';
import { askWebhooksToVerify, databaseKinds, listVerificationSources, offeredKinds, readKnownDataPoints } from './verification-sources';

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

  const sources = await listVerificationSources(db);
  const offered = offeredKinds(sources);
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

  // Ask the sources before taking the request's lock: a slow shop database or system must not hold it.
  // A fact a database can check is compared here; only the others go to a webhook that checks them.
  const subject = { email: before.email ?? '', accountIdentifier: before.accountIdentifier };
  const checkedHere = databaseKinds(sources);
  const forDatabases: Partial<Record<DataPointKind, string>> = {};
  const forWebhooks: Partial<Record<DataPointKind, string>> = {};
  for (const [kind, value] of Object.entries(given) as [DataPointKind, string][]) {
    if (checkedHere.has(kind)) forDatabases[kind] = value;
    else if (normaliseDataPoint(kind, value) !== '') forWebhooks[kind] = value;
  }
  const databases = await readKnownDataPoints(db, sources, subject);
  const local = matchDataPoints(forDatabases, databases.known);
  const webhooks = await askWebhooksToVerify(db, sources, { reference: before.reference ?? before.id, subject, given: forWebhooks });
  const matched = [...local.matched, ...webhooks.matched];
  const givenKinds = [...local.given, ...(Object.keys(forWebhooks) as DataPointKind[])];
  // A source that could not be asked gave no wrong answer: unless the rest already verify, the try is not counted.
  const failures = [...databases.failures, ...webhooks.failures];
  if (failures.length > 0 && matched.length < required.dataPoints) {
    return sendToStaffUnasked(db, { token: input.token, requestId: before.id, ip, now, failures });
  }
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
    const facts = {
      level: required.level,
      required: required.dataPoints,
      given: givenKinds,
      matchedCount: matched.length,
      ...(webhooks.asked.length > 0 ? { askedSystems: webhooks.asked } : {}),
    };

    if (matched.length >= required.dataPoints) {
      const isDeclaration = required.level === 'declaration';
      await tx
        .update(requests)
        .set({
          verificationReached: required.level,
          verificationDataPointsMatched: matched.length,
          verificationFailureReason: null,
          ...(isDeclaration
            ? { declarationName: input.declarationName, declarationText: declarationTextIn(request.language), declarationSignedAt: now }
            : {}),
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

/**
 * A source needed for this try could not be asked (a database unreachable, a webhook down, late or
 * off-contract): the try is not counted against the requester, and staff see why on the request,
 * in the identity panel and the timeline, so nobody waits on a check that never happens.
 * The requester is told to try again later; the typed facts are in neither the reason nor the event.
 */
async function sendToStaffUnasked(
  db: Database,
  {
    token,
    requestId,
    ip,
    now,
    failures,
  }: { token: string; requestId: string; ip: string | null; now: Date; failures: { source: string; error: string }[] },
): Promise<never> {
  const reason = `The shop could not be asked to check the requester’s details (${failures.map((failure) => `${failure.source}: ${failure.error}`).join('; ')}). The try was not counted; the requester may try again, or check identity another way.`;
  await db.transaction(async (tx) => {
    // The same row lock as a counted try, so this reason cannot overwrite a result recorded at the same moment.
    const request = await findRequestByStatusToken(tx, { token, lock: true });
    if (!request || request.id !== requestId || !pendingDataPoints(request)) return;
    await tx
      .update(requests)
      .set({ verificationFailureReason: reason, version: sql`${requests.version} + 1`, updatedAt: now })
      .where(eq(requests.id, request.id));
    await recordEvent(tx, {
      requestId: request.id,
      actor: { type: 'system' },
      action: 'identity_check_unavailable',
      details: { reason, tries: request.verificationFailedTries },
      ip,
    });
  });
  throw new AppError('CONFLICT', 'We could not check your details just now. This try was not counted. Please try again later.');
}

/**
 * The declaration the requester signs at the declaration level (CCPA 11 CCR §7062(c): under penalty of perjury),
 * recorded exactly as they read and signed it: in their language (statusPage.identity.declarationText).
 */
function declarationTextIn(language: string): string {
  return translatorFor(supportedLocaleOf(language))('statusPage.identity.declarationText');
}
