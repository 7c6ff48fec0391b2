import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '@/db/client';
import { outboundEmails, requests } from '@/db/schema';
import { requesterEmailTemplates } from '@/emails/requester-email-templates';
import type { TEmailPayload } from '@/emails/templates';
import { isSupportedLocale } from '@/lib/i18n/locales';
import { enqueueJob, queueJobStatement } from '@/lib/jobs/enqueue-job';

export type EnqueueEmailOptions = {
  requestId: string | null;
  to: string;
  payload: TEmailPayload;
  /** The request's language when the caller holds its row: saves reading it again. */
  requestLanguage?: string | null;
};

/**
 * Puts an email in the outbox on the caller's transaction. Nothing is sent here:
 * the worker delivers it after commit, so a rolled-back change sends nothing and
 * a crash after commit still sends it. Returns the outbox row's id, for callers that track the delivery.
 */
export async function enqueueEmail(tx: DatabaseOrTransaction, options: EnqueueEmailOptions): Promise<string> {
  const id = randomUUID();
  const payload = await withRequesterLanguage(tx, options);
  const row = tx.insert(outboundEmails).values({
    id,
    requestId: options.requestId,
    template: options.payload.template,
    recipient: options.to,
    payload,
    messageId: outboxMessageId(id),
  });
  // The row and its delivery job in one statement (one round trip): a data-modifying WITH always runs, once.
  const job = queueJobStatement(tx, 'deliver-email', { outboundEmailId: id }, { jobKey: deliveryJobKey(id) }, { keyIsNew: true });
  await tx.execute(sql`with outbox_row as ${row} ${job.statement}`);
  job.queued();
  return id;
}

/**
 * A requester's email is written in their request's language, whoever sends it (their own action, a staff
 * action, a scheduled job): stamped here, in the sender's transaction, so every caller gets it without asking.
 */
async function withRequesterLanguage(
  tx: DatabaseOrTransaction,
  { requestId, payload, requestLanguage }: EnqueueEmailOptions,
): Promise<TEmailPayload> {
  if (payload.locale || !requestId || !requesterEmailTemplates.has(payload.template)) return payload;
  const language =
    requestLanguage !== undefined
      ? requestLanguage
      : (await tx.select({ language: requests.language }).from(requests).where(eq(requests.id, requestId)))[0]?.language;
  return inRequesterLanguage(payload, language);
}

/** A requester's email payload stamped with their request's language (English, the default, is not stamped). */
export function inRequesterLanguage(payload: TEmailPayload, language: string | null | undefined): TEmailPayload {
  if (payload.locale || !requesterEmailTemplates.has(payload.template)) return payload;
  return language && isSupportedLocale(language) && language !== 'en' ? { ...payload, locale: language } : payload;
}

/** The Message-ID an outbox row is sent with: the same on every try, so a resend is recognisably the same email. */
export function outboxMessageId(outboundEmailId: string): string {
  return `<${outboundEmailId}@dsr-desk>`;
}

/**
 * (Re)queues the delivery job of an outbox row to run now (or at `runAt`). The job key makes a second
 * enqueue of the same row replace the waiting job (moving a backed-off retry up) rather
 * than add another.
 */
export async function queueDelivery(
  tx: DatabaseOrTransaction,
  { outboundEmailId, runAt }: { outboundEmailId: string; runAt?: Date },
): Promise<void> {
  await enqueueJob(tx, 'deliver-email', { outboundEmailId }, { jobKey: deliveryJobKey(outboundEmailId), runAt });
}

export function deliveryJobKey(outboundEmailId: string): string {
  return `email:${outboundEmailId}`;
}
