import { and, eq, like, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { outboundEmails, requests } from '@/db/schema';
import { renderEmail } from '@/emails/render-email';
import { ZEmailPayload } from '@/emails/templates';
import { getTransport } from '@/emails/transport';
import { env } from '@/lib/env';
import { getMailSender } from '@/lib/settings/get-mail-sender';
import { getOrganisationSettings } from '@/lib/settings/get-organisation-settings';
import { FLAG_AFTER_ATTEMPTS, recordDeliveryFailure } from './record-delivery-failure';

export type DeliverOutboundEmailOptions = { outboundEmailId: string };

/**
 * Sends one outbox row. The row lock serialises workers on the same row and
 * `status = 'sent'` makes a retried job a no-op, so a message is sent once.
 * The one window left is a crash after the SMTP server accepted the message and
 * before the commit: the retry sends again with the same Message-ID, so mail
 * systems can recognise the duplicate. SMTP offers nothing stronger.
 * Throws on failure so graphile-worker retries with exponential backoff.
 */
export async function deliverOutboundEmail(db: Database, { outboundEmailId }: DeliverOutboundEmailOptions): Promise<void> {
  try {
    await db.transaction(async (tx) => {
      const [row] = await tx.select().from(outboundEmails).where(eq(outboundEmails.id, outboundEmailId)).for('update');
      if (!row || row.status === 'sent' || !row.recipient || !row.payload) return;
      const { contactEmail, privacyNoticeUrl } = await getOrganisationSettings(tx);
      const { subject, html, text } = await renderEmail(ZEmailPayload.parse(row.payload), { contactEmail, privacyNoticeUrl });
      const from = await getMailSender(tx);
      await getTransport(env().SMTP_URL, { maxConnections: env().SMTP_MAX_CONNECTIONS }).sendMail({ from, to: row.recipient, subject, html, text, messageId: row.messageId });
      // The payload can hold a live token and the recipient is personal data: neither is needed once sent.
      await tx
        .update(outboundEmails)
        .set({ status: 'sent', sentAt: new Date(), attempts: sql`${outboundEmails.attempts} + 1`, lastError: null, recipient: null, payload: null })
        .where(eq(outboundEmails.id, row.id));
      if (row.requestId && row.attempts >= FLAG_AFTER_ATTEMPTS) {
        await tx.update(requests).set({ lastError: null }).where(and(eq(requests.id, row.requestId), like(requests.lastError, 'Email %')));
      }
    });
  } catch (error) {
    await recordDeliveryFailure(db, { outboundEmailId, message: error instanceof Error ? error.message : String(error) });
    throw error;
  }
}
