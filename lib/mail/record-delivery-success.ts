import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { retryWhileDatabaseUnavailable } from '@/db/database-unavailable';
import type { OutboundEmailClaim } from './claim-outbound-email';
import { FLAG_AFTER_ATTEMPTS } from './record-delivery-failure';

/**
 * Records that the SMTP server accepted the message. The outcome is known here and must
 * not be lost with a dropped connection (the old design re-sent every email whose commit
 * died in a database restart), so the write is retried until the database answers again.
 * Conditional on this attempt's claim: a claim taken over after the lease is not undone.
 * One statement: the row is marked sent and scrubbed (the payload can hold a live token and
 * the recipient is personal data: neither is needed once sent), and, when earlier failures
 * had flagged the request, the flag is cleared in the same statement.
 */
export async function recordDeliverySuccess(db: Database, { attemptId, email }: OutboundEmailClaim): Promise<void> {
  const clearsRequestFlag = email.requestId !== null && email.attempts > FLAG_AFTER_ATTEMPTS;
  await retryWhileDatabaseUnavailable(() =>
    db.execute(sql`
      with sent as (
        update outbound_emails
        set status = 'sent', sent_at = now(), last_error = null, recipient = null, payload = null,
            sending_attempt_id = null, sending_since = null
        where id = ${email.id} and sending_attempt_id = ${attemptId}
        returning request_id
      )
      update requests set last_error = null
      where ${clearsRequestFlag} and id = (select request_id from sent) and last_error like 'Email %'`),
  );
}
