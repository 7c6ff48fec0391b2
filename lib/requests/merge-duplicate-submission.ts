import type { Database, Transaction } from '@/db/client';
import { getRequestForUpdate } from '@/db/queries/requests';
import type { RequestRow } from '@/db/schema';
import { recordEvent } from '@/lib/audit/record-event';
import { recordedByJob } from '@/lib/jobs/recorded-by-job';
import { enqueueEmail } from '@/lib/mail/enqueue-email';
import { getOrganisationSettings } from '@/lib/settings/get-organisation-settings';
import { sendVerificationLink } from '@/lib/verification/send-verification-link';
import { createStatusToken } from './create-status-token';
import { requestTypeLabel } from './request-type-label';

export type MergeOptions = {
  channel: 'web' | 'api';
  ip: string | null;
  now: Date;
  /** The worker's job doing the merge: written into the event, so a second run of the same job finds it done. */
  jobId?: string;
};

/**
 * A repeat of an open request is not a second request: the requester is sent their link again, to the
 * address the request was filed with. Unconfirmed, the verification link (the undelivered email, or a fresh
 * link replacing the old); confirmed, a new private status link. The caller holds the request's row lock.
 */
export async function mergeIntoOpenRequest(
  tx: Transaction,
  open: RequestRow,
  { channel, ip, now, jobId }: MergeOptions,
): Promise<'resent-verification' | 'resent-status-link'> {
  const outcome = open.status === 'unverified' ? 'resent-verification' : 'resent-status-link';
  if (outcome === 'resent-verification') await sendVerificationLink(tx, open, now);
  else await sendStatusLink(tx, open);
  await recordEvent(tx, {
    requestId: open.id,
    actor: { type: 'requester' },
    action: outcome === 'resent-verification' ? 'verification_link_resent' : 'status_link_resent',
    details: { channel, reason: 'duplicate_submission', ...(jobId === undefined ? {} : { jobId }) },
    ip,
  });
  return outcome;
}

/** A new private status link, to the address the request was filed with. */
async function sendStatusLink(tx: Transaction, open: RequestRow): Promise<void> {
  const { statusUrl } = await createStatusToken(tx, { requestId: open.id });
  const { organisationName } = await getOrganisationSettings(tx);
  await enqueueEmail(tx, {
    requestId: open.id,
    to: open.email!,
    requestLanguage: open.language,
    payload: {
      template: 'status-link',
      version: 1,
      props: { organisationName, reference: open.reference ?? '', requestTypeLabel: requestTypeLabel(open.type), statusUrl },
    },
  });
}

/**
 * The worker's half of a repeat submission filed in one statement (migration 0034's file_request queued it), so
 * the requester's answer took as long as a new address's. The request may have moved on since: one closed in
 * between still gets its status link (its page shows the outcome); one purged or minimised gets nothing.
 * Exactly once per job (lib/jobs/recorded-by-job.ts): a second run of the same job finds its event and sends nothing.
 */
export async function mergeDuplicateSubmission(
  db: Database,
  {
    requestId,
    channel,
    ip,
    jobId,
    now = new Date(),
  }: { requestId: string; channel: 'web' | 'api'; ip: string | null; jobId: string; now?: Date },
): Promise<'resent-verification' | 'resent-status-link' | 'gone' | 'already-merged'> {
  return db.transaction(async (tx) => {
    const request = await getRequestForUpdate(tx, { id: requestId });
    if (!request?.email) return 'gone';
    if (await recordedByJob(tx, { requestIds: [requestId], jobId })) return 'already-merged';
    return mergeIntoOpenRequest(tx, request, { channel, ip, now, jobId });
  });
}
