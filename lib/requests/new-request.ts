import { randomUUID } from 'node:crypto';
import type { RequestRow } from '@/db/schema';
import type { TEmailPayload } from '@/emails/templates';
import { toCalendarDate } from '@/lib/deadlines/calendar-date';
import { env } from '@/lib/env';
import type { SupportedLocale } from '@/lib/i18n/locales';
import { deliveryJobKey, inRequesterLanguage, outboxMessageId } from '@/lib/mail/enqueue-email';
import { createToken } from '@/lib/security/tokens';
import { organisationSettingsOrDefaults } from '@/lib/settings/get-organisation-settings';
import type { TSubmitRequestForm } from '@/lib/validation/submit-request';
import { verificationEmailPayload, verificationLinkExpiry } from '@/lib/verification/send-verification-link';

/**
 * Everything a new, unverified request writes, computed here so the database only stores it
 * (db/queries/file-request.ts: the request row, its 'submitted' event, its verification token
 * and the verification email with its delivery job, in one statement).
 */
export type NewRequest = {
  /** The request row's columns, named as in the table (jsonb_populate_record reads them). */
  row: Record<string, unknown>;
  eventDetails: Record<string, unknown>;
  ip: string | null;
  tokenHash: string;
  tokenExpiresAt: Date;
  /** The verification email. Its organisation name is the default; the database puts in the name an admin saved. */
  email: { id: string; messageId: string; payload: TEmailPayload; deliveryJobKey: string };
  /** What the transactional path still needs after the insert (the agent's own link). */
  request: Pick<RequestRow, 'id' | 'type' | 'reference' | 'agentEmail'>;
};

export type NewRequestOptions = {
  input: TSubmitRequestForm;
  /** The address as typed, trimmed. */
  email: string;
  emailHash: string;
  channel: 'web' | 'api';
  gpcSignal: boolean;
  language: SupportedLocale;
  ip: string | null;
  now: Date;
};

export function newRequest({ input, email, emailHash, channel, gpcSignal, language, ip, now }: NewRequestOptions): NewRequest {
  const { TIME_ZONE, UNVERIFIED_REQUEST_TTL_DAYS } = env();
  const id = randomUUID();
  const agentEmail = input.agentEmail?.trim() || null;
  const agentName = input.agentName ?? null;
  const copyBeforeErasure = input.type === 'deletion' && Boolean(input.copyBeforeErasure);
  const { token, tokenHash } = createToken();
  const emailId = randomUUID();
  const payload = verificationEmailPayload({
    request: { type: input.type, agentName },
    token,
    organisationName: organisationSettingsOrDefaults(null).organisationName,
  });
  return {
    row: {
      id,
      type: input.type,
      channel,
      jurisdiction: input.jurisdiction,
      email_hash: emailHash,
      email,
      full_name: input.fullName,
      account_identifier: input.accountIdentifier ?? null,
      details: input.details ?? null,
      correction_fields: input.type === 'correction' && input.correctionFields?.length ? input.correctionFields : null,
      agent_name: agentName,
      agent_email: agentEmail,
      agent_organisation: input.agentOrganisation ?? null,
      is_filed_by_agent: Boolean(input.agentEmail),
      copy_before_erasure: copyBeforeErasure,
      time_zone: input.timeZone ?? null,
      gpc_signal: gpcSignal,
      language,
      received_at: now.toISOString(),
      received_on: toCalendarDate(now, TIME_ZONE),
      unverified_expires_at: new Date(now.getTime() + UNVERIFIED_REQUEST_TTL_DAYS * 24 * 60 * 60 * 1000).toISOString(),
    },
    eventDetails: {
      channel,
      type: input.type,
      jurisdiction: input.jurisdiction,
      gpcSignal,
      viaAgent: Boolean(input.agentEmail),
      ...(copyBeforeErasure ? { copyBeforeErasure: true } : {}),
    },
    ip,
    tokenHash,
    tokenExpiresAt: verificationLinkExpiry(now),
    email: {
      id: emailId,
      messageId: outboxMessageId(emailId),
      payload: inRequesterLanguage(payload, language),
      deliveryJobKey: deliveryJobKey(emailId),
    },
    request: { id, type: input.type, reference: null, agentEmail },
  };
}
