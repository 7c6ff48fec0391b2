import { and, desc, eq, gt, inArray, isNull, or } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { type RequestRow, requests } from '@/db/schema';
import { recordEvent } from '@/lib/audit/record-event';
import { recordedByJob } from '@/lib/jobs/recorded-by-job';
import { isSupportedLocale } from '@/lib/i18n/locales';
import { enqueueEmail } from '@/lib/mail/enqueue-email';
import { getOrganisationSettings } from '@/lib/settings/get-organisation-settings';
import { sendVerificationLink } from '@/lib/verification/send-verification-link';
import { createStatusToken } from './create-status-token';
import { openStatuses, statusLabels } from './request-status';
import { requestTypeLabel } from './request-type-label';

/** Closed requests stay findable this long: long enough to download a package or read a refusal. */
export const RECENTLY_CLOSED_DAYS = 30;
/** At most this many requests in one email, newest first. */
const MAX_LISTED = 20;

export type SendStatusLinksOptions = {
  emailHash: string;
  reference: string | null;
  ip: string | null;
  /** The worker's job: named in the events, so a second run of it sends nothing (lib/jobs/recorded-by-job.ts). */
  jobId: string;
  now?: Date;
};

/**
 * The worker's half of "Find my request": emails the address its way back into every
 * open or recently closed request. A request still waiting for confirmation gets a
 * fresh confirmation link (its own email, as the form would send); the others get one
 * email listing a new status link for each. Nothing is sent when nothing matches.
 * Returns how many requests were found.
 */
export async function sendStatusLinks(
  db: Database,
  { emailHash, reference, ip, jobId, now = new Date() }: SendStatusLinksOptions,
): Promise<number> {
  const recentlyClosedSince = new Date(now.getTime() - RECENTLY_CLOSED_DAYS * 24 * 60 * 60 * 1000);
  return db.transaction(async (tx) => {
    // Locked so a confirmation or a close racing this job is seen before or after, never half.
    const found: RequestRow[] = await tx
      .select()
      .from(requests)
      .where(
        and(
          eq(requests.emailHash, emailHash),
          isNull(requests.purgedAt),
          reference ? eq(requests.reference, reference) : undefined,
          or(inArray(requests.status, [...openStatuses]), gt(requests.closedAt, recentlyClosedSince)),
        ),
      )
      .orderBy(desc(requests.receivedAt))
      .limit(MAX_LISTED)
      .for('update');
    if (await recordedByJob(tx, { requestIds: found.map((request) => request.id), jobId })) return found.length;

    const links: { reference: string; requestTypeLabel: string; statusLabel: string; statusUrl: string }[] = [];
    let recipient: string | null = null;
    // The newest request's language: the one the requester chose last.
    const language = found.map((request) => request.language).find(isSupportedLocale);
    for (const request of found) {
      if (!request.email) continue;
      if (request.status === 'unverified') {
        if (request.unverifiedExpiresAt && request.unverifiedExpiresAt <= now) continue;
        await sendVerificationLink(tx, request, now);
        await recordEvent(tx, {
          requestId: request.id,
          actor: { type: 'requester' },
          action: 'verification_link_resent',
          details: { reason: 'find_request', jobId },
          ip,
        });
        continue;
      }
      const { statusUrl } = await createStatusToken(tx, { requestId: request.id });
      links.push({
        reference: request.reference ?? '',
        requestTypeLabel: requestTypeLabel(request.type),
        statusLabel: statusLabels[request.status],
        statusUrl,
      });
      recipient ??= request.email;
      await recordEvent(tx, {
        requestId: request.id,
        actor: { type: 'requester' },
        action: 'status_link_resent',
        details: { reason: 'find_request', jobId },
        ip,
      });
    }

    if (recipient && links.length > 0) {
      const { organisationName } = await getOrganisationSettings(tx);
      await enqueueEmail(tx, {
        requestId: null,
        to: recipient,
        payload: {
          template: 'status-links',
          version: 1,
          ...(language && language !== 'en' ? { locale: language } : {}),
          props: { organisationName, requests: links },
        },
      });
    }
    return found.length;
  });
}
