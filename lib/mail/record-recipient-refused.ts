import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { retryWhileDatabaseUnavailable } from '@/db/database-unavailable';
import { outboundEmails, requests } from '@/db/schema';
import type { OutboundEmailClaim } from './claim-outbound-email';

/**
 * True when the SMTP server refused the recipient with a permanent (5xx) reply — the bounce
 * that a wrong or closed address gets. nodemailer reports it as EENVELOPE with the reply code;
 * a temporary refusal (4xx), a timeout or a dropped connection is retried instead.
 */
export function isRecipientRefused(error: unknown): error is Error & { responseCode: number } {
  if (!(error instanceof Error)) return false;
  const { code, responseCode } = error as Error & { code?: string; responseCode?: number };
  return code === 'EENVELOPE' && typeof responseCode === 'number' && responseCode >= 500 && responseCode < 600;
}

/**
 * Records a bounced email as failed, for good: not retried, the recipient and payload scrubbed as
 * after a delivery, the server's reply kept. A request's email flags the request at once (staff
 * check the address); an incident notice shows as bounced on the incident (lib/incidents).
 * Conditional on this attempt's claim, as every outcome is.
 */
export async function recordRecipientRefused(
  db: Database,
  { claim, message }: { claim: OutboundEmailClaim; message: string },
): Promise<void> {
  const { attemptId, email } = claim;
  await retryWhileDatabaseUnavailable(() =>
    db.transaction(async (tx) => {
      const [row] = await tx
        .update(outboundEmails)
        .set({
          status: 'failed',
          lastError: `Refused by the recipient's server: ${message.slice(0, 900)}`,
          recipient: null,
          payload: null,
          sendingAttemptId: null,
          sendingSince: null,
        })
        .where(and(eq(outboundEmails.id, email.id), eq(outboundEmails.sendingAttemptId, attemptId)))
        .returning();
      if (!row?.requestId) return;
      await tx
        .update(requests)
        .set({ lastError: `Email “${row.template}” bounced: the recipient's server refused the address (${message.slice(0, 250)})` })
        .where(eq(requests.id, row.requestId));
    }),
  );
}
