import type { Database, Transaction } from '@/db/client';
import { findOpenRequestForUpdate } from '@/db/queries/requests';
import { requests } from '@/db/schema';
import { recordEvent } from '@/lib/audit/record-event';
import { toCalendarDate } from '@/lib/deadlines/calendar-date';
import { env } from '@/lib/env';
import { defaultLocale, type SupportedLocale } from '@/lib/i18n/locales';
import { enqueueEmail } from '@/lib/mail/enqueue-email';
import { hashEmail } from '@/lib/security/keyed-hash';
import { getOrganisationSettings } from '@/lib/settings/get-organisation-settings';
import type { TSubmitRequestForm } from '@/lib/validation/submit-request';
import { withStoredUploads } from '@/lib/fulfilment/with-stored-uploads';
import { evidenceUploadStore, type StoredUpload } from '@/lib/verification/evidence-file';
import { recordAgentPermission } from '@/lib/verification/record-agent-permission';
import { sendVerificationLink } from '@/lib/verification/send-verification-link';
import { sendAgentStatusLink } from '@/lib/agents/send-agent-status-link';
import { assertRequestTypeOffered } from './assert-request-type-offered';
import { createStatusToken } from './create-status-token';
import { recordCorrectionAttachments } from './record-correction-attachments';
import { emailRateLimit, enforceRateLimit, ipRateLimit } from './enforce-rate-limits';
import { requestTypeLabel } from './request-type-label';

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
export type SubmitRequestOutcome = 'created' | 'resent-verification' | 'resent-status-link' | 'ignored';

export async function submitRequest(
  db: Database,
  { input, channel, ip, gpcSignal = false, language = defaultLocale, now = new Date(), signal }: SubmitRequestOptions,
): Promise<SubmitRequestOutcome> {
  // Honeypot filled: a bot. Answer as if accepted so it learns nothing.
  if (input.website) return 'ignored';

  const email = input.email.trim();
  const emailHash = hashEmail(email);
  // Encrypted and stored before the transaction (no storage call holds its locks); removed again unless a new request keeps them:
  // a duplicate merged into an open request keeps that request's own permission and documents.
  const isKept = (outcome: SubmitRequestOutcome) => outcome === 'created';
  const permissionFiles = input.agentEmail && input.agentPermission ? [input.agentPermission] : [];
  return withStoredUploads(
    permissionFiles,
    ([permission]) =>
      withStoredUploads(
        input.correctionAttachments ?? [],
        (attachments) =>
          fileAndLimit(db, {
            input,
            email,
            emailHash,
            channel,
            ip,
            gpcSignal,
            language,
            now,
            signal,
            permission: permission ?? null,
            attachments,
          }),
        { store: evidenceUploadStore('correctionAttachments'), isKept },
      ),
    { store: evidenceUploadStore('agentPermission'), isKept },
  );
}

function fileAndLimit(
  db: Database,
  {
    input,
    email,
    emailHash,
    channel,
    ip,
    gpcSignal,
    language,
    now,
    signal,
    permission,
    attachments,
  }: Required<Omit<SubmitRequestOptions, 'signal'>> & {
    email: string;
    emailHash: string;
    signal: AbortSignal | undefined;
    permission: StoredUpload | null;
    attachments: StoredUpload[];
  },
): Promise<SubmitRequestOutcome> {
  return db.transaction(async (tx) => {
    await assertRequestTypeOffered(tx, { jurisdiction: input.jurisdiction, type: input.type });
    // First: the address's counter row stays locked until commit, so two identical submissions
    // take turns and cannot both miss the open request and create two.
    await enforceRateLimit(tx, emailRateLimit(emailHash), now);
    const outcome = await fileOrMerge(tx, {
      input,
      email,
      emailHash,
      channel,
      ip,
      gpcSignal,
      language: input.language ?? language,
      now,
      permission,
      attachments,
    });
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
  {
    input,
    email,
    emailHash,
    channel,
    ip,
    gpcSignal,
    language,
    now,
    permission,
    attachments,
  }: {
    input: TSubmitRequestForm;
    email: string;
    emailHash: string;
    channel: 'web' | 'api';
    ip: string | null;
    gpcSignal: boolean;
    language: SupportedLocale;
    now: Date;
    permission: StoredUpload | null;
    attachments: StoredUpload[];
  },
): Promise<SubmitRequestOutcome> {
  const open = await findOpenRequestForUpdate(tx, { emailHash, type: input.type });
  if (open?.status === 'unverified') {
    await sendVerificationLink(tx, open, now);
    await recordEvent(tx, {
      requestId: open.id,
      actor: { type: 'requester' },
      action: 'verification_link_resent',
      details: { channel, reason: 'duplicate_submission' },
      ip,
    });
    return 'resent-verification';
  }
  if (open) {
    const { statusUrl } = await createStatusToken(tx, { requestId: open.id });
    const { organisationName } = await getOrganisationSettings(tx);
    await enqueueEmail(tx, {
      requestId: open.id,
      to: email,
      payload: {
        template: 'status-link',
        version: 1,
        props: { organisationName, reference: open.reference ?? '', requestTypeLabel: requestTypeLabel(open.type), statusUrl },
      },
    });
    await recordEvent(tx, {
      requestId: open.id,
      actor: { type: 'requester' },
      action: 'status_link_resent',
      details: { channel, reason: 'duplicate_submission' },
      ip,
    });
    return 'resent-status-link';
  }

  const { TIME_ZONE, UNVERIFIED_REQUEST_TTL_DAYS } = env();
  const [created] = await tx
    .insert(requests)
    .values({
      type: input.type,
      status: 'unverified',
      channel,
      jurisdiction: input.jurisdiction,
      emailHash,
      email,
      fullName: input.fullName,
      accountIdentifier: input.accountIdentifier ?? null,
      details: input.details ?? null,
      correctionFields: input.type === 'correction' && input.correctionFields?.length ? input.correctionFields : null,
      agentName: input.agentName ?? null,
      agentEmail: input.agentEmail?.trim() ?? null,
      agentOrganisation: input.agentOrganisation ?? null,
      isFiledByAgent: Boolean(input.agentEmail),
      copyBeforeErasure: input.type === 'deletion' && Boolean(input.copyBeforeErasure),
      timeZone: input.timeZone ?? null,
      gpcSignal,
      language,
      receivedAt: now,
      receivedOn: toCalendarDate(now, TIME_ZONE),
      unverifiedExpiresAt: new Date(now.getTime() + UNVERIFIED_REQUEST_TTL_DAYS * 24 * 60 * 60 * 1000),
    })
    .returning();
  await recordEvent(tx, {
    requestId: created!.id,
    actor: { type: 'requester' },
    action: 'submitted',
    details: {
      channel,
      type: input.type,
      jurisdiction: input.jurisdiction,
      gpcSignal,
      viaAgent: Boolean(input.agentEmail),
      ...(created!.copyBeforeErasure ? { copyBeforeErasure: true } : {}),
    },
    ip,
    isVisibleToRequester: true,
  });
  if (permission) await recordAgentPermission(tx, { requestId: created!.id, stored: permission, actor: { type: 'requester' }, ip, now });
  await recordCorrectionAttachments(tx, { requestId: created!.id, stored: attachments, actor: { type: 'requester' }, ip, now });
  // For an agent's request the link goes to the person's own mailbox: confirming it is their direct confirmation (CCPA §7063(a)).
  await sendVerificationLink(tx, created!, now, { isNewRequest: true });
  if (created!.agentEmail) await sendAgentStatusLink(tx, created!);
  return 'created';
}
