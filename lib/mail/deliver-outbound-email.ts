import type { Database } from '@/db/client';
import { renderEmail } from '@/emails/render-email';
import { ZEmailPayload } from '@/emails/templates';
import { getTransport } from '@/emails/transport';
import { env } from '@/lib/env';
import { getEmailSettings } from '@/lib/settings/get-email-settings';
import { localiseOrganisationTexts } from '@/lib/settings/localise-organisation-texts';
import { isAppError } from '@/lib/errors/app-error';
import { claimOutboundEmail, SEND_TIMEOUT_MS } from './claim-outbound-email';
import { queueDelivery } from './enqueue-email';
import { recordDeliveryFailure } from './record-delivery-failure';
import { isRecipientRefused, recordRecipientRefused } from './record-recipient-refused';
import { recordDeliverySuccess } from './record-delivery-success';

export type DeliverOutboundEmailOptions = { outboundEmailId: string };

/**
 * Sends one outbox row in three steps, each committed on its own: claim the row
 * ("sending", with this attempt's id), call SMTP, record the outcome. SMTP cannot take
 * part in a database transaction, so the old single transaction around the send made
 * every commit lost after the server accepted the message (a database restart) into a
 * second copy. Now the outcome the worker knows is recorded with retries until the
 * database answers, and a retry finds the row sent. Only an attempt that dies between
 * the SMTP call and that record (kill -9 within those milliseconds) leaves the outcome
 * unknown: after the claim's lease the row is sent again with the same Message-ID, so
 * the receiving side can recognise it, and the log says so.
 * A row another attempt is sending is requeued for when that attempt's lease ends.
 * Throws on failure so graphile-worker retries with exponential backoff.
 */
export async function deliverOutboundEmail(db: Database, { outboundEmailId }: DeliverOutboundEmailOptions): Promise<void> {
  const claim = await claimOutboundEmail(db, { outboundEmailId }).catch(async (error: unknown) => {
    if (!isAppError(error, 'CONFLICT') || !(error.details.retryAt instanceof Date)) throw error;
    // Another attempt holds the row (or died holding it): try again exactly when its lease ends,
    // rather than after graphile-worker's growing backoff.
    await queueDelivery(db, { outboundEmailId, runAt: error.details.retryAt });
    return null;
  });
  if (!claim) return;
  const { email } = claim;
  if (claim.isAfterUnknownOutcome) {
    console.warn(
      `[mail] email ${email.id} (${email.template}): the previous attempt ended without an outcome; sending again with the same Message-ID ${email.messageId}`,
    );
  }
  try {
    const payload = ZEmailPayload.parse(email.payload);
    const {
      organisation,
      texts,
      branding: { logoPath, accentColour },
      sender: from,
    } = await getEmailSettings(db);
    // The contact, notice and sign-off written for the email's language (English where there is none), and the branding.
    const { subject, html, text } = await renderEmail(payload, {
      ...localiseOrganisationTexts(organisation, texts, payload.locale ?? 'en'),
      ...(logoPath ? { logoUrl: `${env().APP_URL}${logoPath}` } : {}),
      ...(accentColour ? { accentColour } : {}),
    });
    const sending = getTransport(env().SMTP_URL, { maxConnections: env().SMTP_MAX_CONNECTIONS }).sendMail({
      from,
      to: email.recipient!,
      subject,
      html,
      text,
      messageId: email.messageId,
      // Base64 bodies: nodemailer otherwise scans every body with two regular expressions to choose an encoding
      // and then quoted-printable encodes it in JavaScript, the worker's largest CPU cost per email in a profile.
      textEncoding: 'base64',
    });
    if ((await Promise.race([sending, timeout(SEND_TIMEOUT_MS)])) === TIMED_OUT) {
      sending.catch(() => {});
      // The server may still accept it: keep the claim, so no retry sends before the lease ends.
      throw new UnknownOutcomeError(`SMTP did not answer within ${SEND_TIMEOUT_MS / 1000} s; the outcome is unknown`);
    }
  } catch (error) {
    if (error instanceof UnknownOutcomeError) throw error;
    if (isRecipientRefused(error)) {
      // A bounce: the receiving server refused the address for good (5xx). Retrying for days would change nothing.
      await recordRecipientRefused(db, { claim, message: error.message });
      return;
    }
    await recordDeliveryFailure(db, { claim, message: error instanceof Error ? error.message : String(error) });
    throw error;
  }
  await recordDeliverySuccess(db, claim);
}

const TIMED_OUT = Symbol('timed out');

class UnknownOutcomeError extends Error {}

function timeout(milliseconds: number): Promise<typeof TIMED_OUT> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds, TIMED_OUT).unref());
}
