import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { outboundEmails } from '@/db/schema';
import { AppError } from '@/lib/errors/app-error';

/** An SMTP call is abandoned (outcome unknown, claim kept) after this long. */
export const SEND_TIMEOUT_MS = 30_000;
/**
 * How long a claim protects an SMTP call in flight: longer than a send may take
 * (SEND_TIMEOUT_MS), so a live attempt is never mistaken for a dead one, and short
 * enough that a killed worker's email goes out within about a minute.
 */
export const SENDING_LEASE_MS = 45_000;

export type OutboundEmailClaim = {
  attemptId: string;
  /** The row as claimed: recipient, payload and the Message-ID every attempt reuses. */
  email: typeof outboundEmails.$inferSelect;
  /** A previous attempt claimed the row and died without recording an outcome: it may have been delivered. */
  isAfterUnknownOutcome: boolean;
};

/**
 * Marks one outbox row "sending" in its own committed transaction, before any SMTP call,
 * so that a lost commit afterwards cannot make the row look unsent. Returns null when
 * there is nothing to send (sent, failed, scrubbed or gone). The row lock serialises
 * two workers on the same row; a row another attempt is sending right now is refused
 * with a retryable error rather than sent twice.
 */
export async function claimOutboundEmail(
  db: Database,
  { outboundEmailId, now = new Date() }: { outboundEmailId: string; now?: Date },
): Promise<OutboundEmailClaim | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(outboundEmails).where(eq(outboundEmails.id, outboundEmailId)).for('update');
    if (!row || row.status !== 'pending' || !row.recipient || !row.payload) return null;
    if (row.sendingAttemptId && row.sendingSince && now.getTime() - row.sendingSince.getTime() < SENDING_LEASE_MS) {
      throw new AppError('CONFLICT', `Email ${row.id} is being sent by another attempt; retrying later.`, {
        retryAt: new Date(row.sendingSince.getTime() + SENDING_LEASE_MS),
      });
    }
    const attemptId = randomUUID();
    const [email] = await tx
      .update(outboundEmails)
      .set({ sendingAttemptId: attemptId, sendingSince: now, attempts: sql`${outboundEmails.attempts} + 1` })
      .where(eq(outboundEmails.id, row.id))
      .returning();
    return { attemptId, email: email!, isAfterUnknownOutcome: row.sendingAttemptId !== null };
  });
}
