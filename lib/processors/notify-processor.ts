import { env } from '@/lib/env';
import type { Transaction } from '@/db/client';
import { processorNotices } from '@/db/schema';
import { recordEvent } from '@/lib/audit/record-event';
import { toCalendarDate } from '@/lib/deadlines/calendar-date';
import { enqueueEmail } from '@/lib/mail/enqueue-email';
import { createToken } from '@/lib/security/tokens';
import { getOrganisationSettings } from '@/lib/settings/get-organisation-settings';
import type { TProcessorSourceConfig } from '@/lib/validation/data-source';
import { type ProcessorTopic, processorNoticeTemplates } from './processor-topics';

const DAY_MS = 24 * 60 * 60 * 1000;

export type NotifyProcessorOptions = {
  resultId: string;
  /** `details`: the correction the requester asked for, in their words (what a processor told of a correction reads). */
  request: { id: string; reference: string | null; email: string | null; details: string | null };
  config: TProcessorSourceConfig;
  /** What the processor is told to do: the run's kind decides (processorTopicOf). */
  topic: ProcessorTopic;
  kind: 'notice' | 'reminder';
  /** When the first notice of this attempt went out: the cut-off (and every link's expiry) counts from it. */
  firstSentAt: Date;
  now: Date;
};

/**
 * Emails a processor to erase or correct the person's data and confirm it (GDPR Art. 19), with a link of its own: a
 * random token of which only the hash is stored, valid until the source's cut-off. The notice row,
 * its audit event and the outbox email are one transaction (the caller's): a rolled-back run tells
 * nobody, and a notice recorded is a notice sent.
 */
export async function notifyProcessor(
  tx: Transaction,
  { resultId, request, config, topic, kind, firstSentAt, now }: NotifyProcessorOptions,
): Promise<void> {
  if (!request.email || !request.reference) throw new Error('A processor is told about a request that still holds its email and reference');
  const { token, tokenHash } = createToken();
  const expiresAt = new Date(firstSentAt.getTime() + config.cutoffDays * DAY_MS);
  await tx.insert(processorNotices).values({
    sourceResultId: resultId,
    requestId: request.id,
    kind,
    vendorName: config.vendorName,
    recipient: config.contactEmail,
    tokenHash,
    sentAt: now,
    expiresAt,
  });
  const { organisationName } = await getOrganisationSettings(tx);
  const { APP_URL, TIME_ZONE } = env();
  const props = {
    organisationName,
    vendorName: config.vendorName,
    reference: request.reference,
    subjectEmail: request.email,
    answerUrl: `${APP_URL}/processor/${token}`,
    answerBy: toCalendarDate(expiresAt, TIME_ZONE),
    isReminder: kind === 'reminder',
  };
  await enqueueEmail(tx, {
    requestId: request.id,
    to: config.contactEmail,
    payload:
      topic === 'correction'
        ? {
            template: processorNoticeTemplates.correction,
            version: 1,
            // Only what the processor needs to find and fix the data: whom, and the correction asked for.
            props: { ...props, correction: request.details?.trim() || 'See the request reference above: reply to this email for details.' },
          }
        : { template: processorNoticeTemplates.erasure, version: 1, props },
  });
  await recordEvent(tx, {
    requestId: request.id,
    actor: { type: 'system' },
    action: kind === 'notice' ? 'processor_notified' : 'processor_reminded',
    details: { vendor: config.vendorName, recipient: config.contactEmail, topic, answerBy: expiresAt.toISOString() },
  });
}
