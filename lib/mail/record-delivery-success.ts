import { and, eq, like } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { retryWhileDatabaseUnavailable } from '@/db/database-unavailable';
import { outboundEmails, requests } from '@/db/schema';
import type { OutboundEmailClaim } from './claim-outbound-email';
import { FLAG_AFTER_ATTEMPTS } from './record-delivery-failure';

/**
 * Records that the SMTP server accepted the message. The outcome is known here and must
 * not be lost with a dropped connection (the old design re-sent every email whose commit
 * died in a database restart), so the write is retried until the database answers again.
 * Conditional on this attempt's claim: a claim taken over after the lease is not undone.
 */
export async function recordDeliverySuccess(db: Database, { attemptId, email }: OutboundEmailClaim): Promise<void> {
  await retryWhileDatabaseUnavailable(() =>
    db.transaction(async (tx) => {
      // The payload can hold a live token and the recipient is personal data: neither is needed once sent.
      const updated = await tx
        .update(outboundEmails)
        .set({
          status: 'sent',
          sentAt: new Date(),
          lastError: null,
          recipient: null,
          payload: null,
          sendingAttemptId: null,
          sendingSince: null,
        })
        .where(and(eq(outboundEmails.id, email.id), eq(outboundEmails.sendingAttemptId, attemptId)))
        .returning({ id: outboundEmails.id });
      if (updated.length === 0) return;
      if (email.requestId && email.attempts > FLAG_AFTER_ATTEMPTS) {
        await tx
          .update(requests)
          .set({ lastError: null })
          .where(and(eq(requests.id, email.requestId), like(requests.lastError, 'Email %')));
      }
    }),
  );
}
