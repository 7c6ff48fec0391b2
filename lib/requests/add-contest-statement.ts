import type { Database } from '@/db/client';
import { contestStatements } from '@/db/schema';
import { recordEvent } from '@/lib/audit/record-event';
import { AppError } from '@/lib/errors/app-error';
import { countWords } from '@/lib/validation/contest-statement';
import { findRequestByStatusToken } from './find-request-by-status-token';

export type AddContestStatementOptions = { token: string; statement: string; ip: string | null; now?: Date };

/**
 * After we declined a correction, the requester may send a written statement that they contest the
 * data (CCPA regulations, 11 CCR §7023(f); GDPR Art. 16's supplementary statement). It is kept with the
 * request, shown to staff beside the decision, and removed with the request's personal data. One per
 * request: the unique key, under the request row lock, makes a double submit keep the first.
 */
export async function addContestStatement(db: Database, { token, statement, ip, now = new Date() }: AddContestStatementOptions) {
  await db.transaction(async (tx) => {
    const request = await findRequestByStatusToken(tx, { token, lock: true });
    if (!request) throw new AppError('NOT_FOUND', 'We could not find this request.');
    if (request.type !== 'correction' || request.status !== 'rejected')
      throw new AppError('INVALID_TRANSITION', 'A statement can be added only after we declined a correction.');
    const inserted = await tx
      .insert(contestStatements)
      .values({ requestId: request.id, body: statement, createdAt: now })
      .onConflictDoNothing({ target: contestStatements.requestId })
      .returning({ id: contestStatements.id });
    if (inserted.length === 0) throw new AppError('CONFLICT', 'You have already sent a statement for this request.');
    await recordEvent(tx, {
      requestId: request.id,
      actor: { type: 'requester' },
      action: 'contest_statement_added',
      // The words themselves are personal data: the trail records that a statement exists and its size.
      details: { words: countWords(statement) },
      ip,
      isVisibleToRequester: true,
    });
  });
}
