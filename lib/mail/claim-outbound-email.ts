import { randomUUID } from 'node:crypto';
import { and, eq, getTableColumns, isNotNull, or, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { preparedOncePerHandle } from '@/db/prepare-once';
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
 * Marks one outbox row "sending", committed on its own before any SMTP call, so that a lost
 * commit afterwards cannot make the row look unsent. Returns null when there is nothing to
 * send (sent, failed, scrubbed or gone). One statement on the path every email takes: a CTE
 * locks the row and keeps the claim it had (a dead attempt's, if any), and the UPDATE claims
 * it only while it is pending and no live attempt holds it. The row lock serialises two
 * workers on the same row; a row another attempt is sending right now is refused with a
 * retryable error rather than sent twice (found by a second read, only when the claim fails).
 */
export async function claimOutboundEmail(
  db: Database,
  { outboundEmailId, now = new Date() }: { outboundEmailId: string; now?: Date },
): Promise<OutboundEmailClaim | null> {
  const attemptId = randomUUID();
  const leaseStartedBefore = new Date(now.getTime() - SENDING_LEASE_MS);
  const [claimed] = await claimStatementFor(db).execute({
    id: outboundEmailId,
    attemptId,
    // Placeholders reach the driver as they are: timestamps as ISO 8601 text, which PostgreSQL reads exactly.
    now: now.toISOString(),
    leaseStartedBefore: leaseStartedBefore.toISOString(),
  });
  if (claimed) {
    const { previousAttemptId, ...email } = claimed;
    return { attemptId, email, isAfterUnknownOutcome: previousAttemptId !== null };
  }
  // Not claimed: say why. Only a row that a live attempt is sending is worth trying again.
  const [row] = await db
    .select({ status: outboundEmails.status, sendingAttemptId: outboundEmails.sendingAttemptId, sendingSince: outboundEmails.sendingSince })
    .from(outboundEmails)
    .where(eq(outboundEmails.id, outboundEmailId));
  if (row?.status === 'pending' && row.sendingAttemptId && row.sendingSince && row.sendingSince > leaseStartedBefore) {
    throw new AppError('CONFLICT', `Email ${outboundEmailId} is being sent by another attempt; retrying later.`, {
      retryAt: new Date(row.sendingSince.getTime() + SENDING_LEASE_MS),
    });
  }
  return null;
}

/**
 * The claim as a prepared drizzle query, built once per database handle: every email runs it, and building
 * this statement (a CTE, a join, six conditions) cost more CPU than PostgreSQL spent running it.
 */
function buildClaimStatement(db: Database) {
  const locked = db.$with('locked').as(
    db
      .select({
        lockedId: outboundEmails.id,
        previousAttemptId: sql<string | null>`${outboundEmails.sendingAttemptId}`.as('previous_attempt_id'),
      })
      .from(outboundEmails)
      .where(eq(outboundEmails.id, sql.placeholder('id')))
      .for('update'),
  );
  return db
    .with(locked)
    .update(outboundEmails)
    .set({
      sendingAttemptId: sql`${sql.placeholder('attemptId')}::uuid`,
      sendingSince: sql`${sql.placeholder('now')}::timestamptz`,
      attempts: sql`${outboundEmails.attempts} + 1`,
    })
    .from(locked)
    .where(
      and(
        eq(outboundEmails.id, locked.lockedId),
        eq(outboundEmails.status, 'pending'),
        isNotNull(outboundEmails.recipient),
        isNotNull(outboundEmails.payload),
        or(
          sql`${outboundEmails.sendingAttemptId} is null`,
          sql`${outboundEmails.sendingSince} is null`,
          sql`${outboundEmails.sendingSince} <= ${sql.placeholder('leaseStartedBefore')}::timestamptz`,
        ),
      ),
    )
    .returning({ ...getTableColumns(outboundEmails), previousAttemptId: locked.previousAttemptId })
    .prepare('claim_outbound_email');
}

const claimStatementFor = preparedOncePerHandle(buildClaimStatement);
