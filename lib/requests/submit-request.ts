import type { Database, Transaction } from '@/db/client';
import { createUnverifiedRequest, fileRequestInOneStatement } from '@/db/queries/file-request';
import { wakeWorkers } from '@/lib/jobs/wake-workers';
import { findOpenRequestForUpdate } from '@/db/queries/requests';
import { defaultLocale, type SupportedLocale } from '@/lib/i18n/locales';
import { hashEmail } from '@/lib/security/keyed-hash';
import type { TSubmitRequestForm } from '@/lib/validation/submit-request';
import { withStoredUploads } from '@/lib/fulfilment/with-stored-uploads';
import { evidenceUploadStore, type StoredUpload } from '@/lib/verification/evidence-file';
import { recordAgentPermission } from '@/lib/verification/record-agent-permission';
import { sendAgentStatusLink } from '@/lib/agents/send-agent-status-link';
import { assertRequestTypeOffered } from './assert-request-type-offered';
import { recordCorrectionAttachments } from './record-correction-attachments';
import { emailRateLimit, enforceRateLimit, ipRateLimit } from './enforce-rate-limits';
import { counterWindow } from '@/lib/security/enforce-attempt-limits';
import { queueEventWebhooks } from '@/lib/webhooks/queue-event-webhooks';
import { webhookEventsForAction } from '@/lib/webhooks/webhook-event-types';
import { mergeIntoOpenRequest } from './merge-duplicate-submission';
import { newRequest, type NewRequestOptions } from './new-request';
import { openStatuses } from './request-status';

export type SubmitRequestOptions = {
  /** The JSON intake's fields, or the web form's with the agent's signed permission. */
  input: TSubmitRequestForm;
  channel: 'web' | 'api';
  /** The browser sent Sec-GPC: 1 (Global Privacy Control) with the submission. */
  gpcSignal?: boolean;
  /** The requester's language when the input does not name one (the form: the page's language; the API: Accept-Language). */
  language?: SupportedLocale;
  ip: string | null;
  now?: Date;
  /**
   * Aborted when the client has gone (the HTTP request's signal): the transaction is then
   * rolled back instead of committed, so no request is filed, and no email sent, for a
   * submission whose answer nobody receives (the client retries, or gave up for good).
   */
  signal?: AbortSignal;
};

/**
 * What happened, for logs and tests only. Callers must show the requester the
 * same "check your email" answer for every outcome: telling them apart would
 * reveal whether an address has filed before.
 */
export type SubmitRequestOutcome = 'created' | 'resent-verification' | 'resent-status-link' | 'merge-queued' | 'ignored';

export async function submitRequest(
  db: Database,
  { input, channel, ip, gpcSignal = false, language = defaultLocale, now = new Date(), signal }: SubmitRequestOptions,
): Promise<SubmitRequestOutcome> {
  // Honeypot filled: a bot. Answer as if accepted so it learns nothing.
  if (input.website) return 'ignored';

  const email = input.email.trim();
  const filing: NewRequestOptions = {
    input,
    email,
    emailHash: hashEmail(email),
    channel,
    ip,
    gpcSignal,
    language: input.language ?? language,
    now,
  };
  // Encrypted and stored before the transaction (no storage call holds its locks); removed again unless a new request keeps them:
  // a duplicate merged into an open request keeps that request's own permission and documents.
  const isKept = (outcome: SubmitRequestOutcome) => outcome === 'created';
  const permissionFiles = input.agentEmail && input.agentPermission ? [input.agentPermission] : [];
  const attachmentFiles = input.correctionAttachments ?? [];
  if (!input.agentEmail && attachmentFiles.length === 0) {
    // The client may have left while we parsed: with nothing written yet, that is the moment to notice it.
    signal?.throwIfAborted();
    const filed = await fileInOneStatement(db, filing);
    if (filed) {
      // The request's email job (or the merge job) was queued without graphile-worker's notification: see wakeWorkers.
      wakeWorkers(db);
      return filed;
    }
  }
  const outcome = await withStoredUploads(
    permissionFiles,
    ([permission]) =>
      withStoredUploads(
        attachmentFiles,
        (attachments) => fileAndLimit(db, filing, { signal, permission: permission ?? null, attachments }),
        { store: evidenceUploadStore('correctionAttachments'), isKept },
      ),
    { store: evidenceUploadStore('agentPermission'), isKept },
  );
  wakeWorkers(db);
  return outcome;
}

/**
 * An ordinary submission (no agent, no files) in one round trip: a new request, or a merge job for an open one,
 * so either answer takes the same time (db/queries/file-request.ts). Null when it is not ordinary after all (a
 * refusal to explain, webhook subscribers to tell): nothing was written, and the transactional path takes over.
 */
async function fileInOneStatement(db: Database, filing: NewRequestOptions): Promise<SubmitRequestOutcome | null> {
  const outcome = await fileRequestInOneStatement(db, {
    newRequest: newRequest(filing),
    emailLimit: counterWindow(emailRateLimit(filing.emailHash), filing.now),
    ipLimit: filing.ip ? counterWindow(ipRateLimit(filing.ip), filing.now) : null,
    openStatuses,
    webhookEvents: webhookEventsForAction('submitted'),
  });
  return outcome === 'merged' ? 'merge-queued' : outcome;
}

type Uploads = { permission: StoredUpload | null; attachments: StoredUpload[] };

/** Every submission the one statement does not take: refusals explained, agents, files, webhook subscribers told. */
function fileAndLimit(
  db: Database,
  filing: NewRequestOptions,
  { signal, ...uploads }: Uploads & { signal: AbortSignal | undefined },
): Promise<SubmitRequestOutcome> {
  const { input, emailHash, ip, now } = filing;
  return db.transaction(async (tx) => {
    await assertRequestTypeOffered(tx, { jurisdiction: input.jurisdiction, type: input.type });
    // First: the address's counter row stays locked until commit, so two identical submissions
    // take turns and cannot both miss the open request and create two.
    await enforceRateLimit(tx, emailRateLimit(emailHash), now);
    const outcome = await fileOrMerge(tx, filing, uploads);
    // Last: a busy IP's counter row is locked only from here to the commit, so one IP's
    // submissions (an office behind one NAT) do not queue behind each other's whole intake.
    if (ip) await enforceRateLimit(tx, ipRateLimit(ip), now);
    // The last moment to notice a client that left while we worked: throwing rolls everything back.
    signal?.throwIfAborted();
    return outcome;
  });
}

async function fileOrMerge(
  tx: Transaction,
  filing: NewRequestOptions,
  { permission, attachments }: Uploads,
): Promise<SubmitRequestOutcome> {
  const { input, emailHash, channel, ip, now } = filing;
  const open = await findOpenRequestForUpdate(tx, { emailHash, type: input.type });
  if (open) return mergeIntoOpenRequest(tx, open, { channel, ip, now });

  const created = newRequest(filing);
  await createUnverifiedRequest(tx, created);
  // The 'submitted' event was written by the database function: its subscribers are told here.
  await queueEventWebhooks(tx, { requestId: created.request.id, types: webhookEventsForAction('submitted'), now });
  const actor = { type: 'requester' } as const;
  if (permission) await recordAgentPermission(tx, { requestId: created.request.id, stored: permission, actor, ip, now });
  await recordCorrectionAttachments(tx, { requestId: created.request.id, stored: attachments, actor, ip, now });
  // For an agent's request the verification link went to the person's own mailbox: confirming it is their direct confirmation (CCPA §7063(a)).
  if (created.request.agentEmail) await sendAgentStatusLink(tx, created.request);
  return 'created';
}
