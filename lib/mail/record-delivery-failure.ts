import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { retryWhileDatabaseUnavailable } from '@/db/database-unavailable';
import { outboundEmails, requests } from '@/db/schema';
import type { OutboundEmailClaim } from './claim-outbound-email';
import { scheduleDeliveryAlertDigest } from './send-delivery-alert-digest';

/** After this many failed attempts the request is flagged in the queue with a Retry button. */
export const FLAG_AFTER_ATTEMPTS = 3;
/** At exactly this many, an alert digest is scheduled; emails with at least this many failed attempts count as failing. */
export const ALERT_AFTER_ATTEMPTS = 5;

/**
 * Records a failed attempt (counted when it was claimed) and releases the claim, so the
 * job's retry sends again. Conditional on this attempt's claim, so one that was taken
 * over after the lease is left alone. Alerts are never sent about alerts.
 */
export async function recordDeliveryFailure(
  db: Database,
  { claim, message }: { claim: OutboundEmailClaim; message: string },
): Promise<void> {
  await retryWhileDatabaseUnavailable(() => recordFailedAttempt(db, claim, message), { giveUpAfterMs: 30_000 });
}

async function recordFailedAttempt(db: Database, { attemptId, email }: OutboundEmailClaim, message: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(outboundEmails)
      .set({ lastError: message.slice(0, 1000), sendingAttemptId: null, sendingSince: null })
      .where(and(eq(outboundEmails.id, email.id), eq(outboundEmails.sendingAttemptId, attemptId)))
      .returning();
    if (!row) return;
    const [request] = row.requestId
      ? await tx.select({ id: requests.id, reference: requests.reference }).from(requests).where(eq(requests.id, row.requestId))
      : [];
    if (request && row.attempts >= FLAG_AFTER_ATTEMPTS) {
      await tx
        .update(requests)
        .set({ lastError: `Email “${row.template}” could not be delivered: ${message.slice(0, 300)}` })
        .where(eq(requests.id, request.id));
    }
    if (row.attempts !== ALERT_AFTER_ATTEMPTS || row.template === 'delivery-failure-alert') return;
    // No alert now: one digest for every email still failing, after their next retry (lib/mail/send-delivery-alert-digest.ts).
    await scheduleDeliveryAlertDigest(tx, { now: new Date() });
  });
}
