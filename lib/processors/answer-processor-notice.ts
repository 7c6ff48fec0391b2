import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { fulfilmentRuns, fulfilmentSourceResults, processorNotices, requests } from '@/db/schema';
import { recordEvent } from '@/lib/audit/record-event';
import { AppError } from '@/lib/errors/app-error';
import { recordSourceOutcome } from '@/lib/fulfilment/record-source-outcome';
import { hashToken } from '@/lib/security/tokens';
import { type ProcessorAnswer, type TAnswerProcessorNotice, ZAnswerProcessorNotice } from '@/lib/validation/processor-answer';
import { processorAnswersByTopic, processorTopicOf } from './processor-topics';

const answerNotes: Record<ProcessorAnswer, string> = {
  erased: 'The processor confirmed it erased the data',
  corrected: 'The processor confirmed it corrected the data',
  held_nothing: 'The processor said it holds no data about the person',
};

/**
 * A processor answers at its link: it erased (or corrected, as it was asked) the person's data, or it holds none. The link is the
 * only authority (a random token, stored hashed, until the cut-off); it works while the source still
 * waits, so a second click, a reminder's link after an answer, or an expired link is refused. The
 * answer, the source's outcome and the audit event commit together; the result's row lock makes a
 * cut-off running at the same moment either come first (the link is then refused) or find it answered.
 */
export async function answerProcessorNotice(db: Database, input: TAnswerProcessorNotice & { now?: Date }): Promise<void> {
  const { now = new Date(), ...fields } = input;
  const { token, answer, note } = ZAnswerProcessorNotice.parse(fields);
  await db.transaction(async (tx) => {
    const [notice] = await tx
      .select()
      .from(processorNotices)
      .where(eq(processorNotices.tokenHash, hashToken(token)));
    if (!notice) throw new AppError('TOKEN_INVALID', 'This link is not valid. Use the link in the latest email we sent you.');
    // The request's row first, as every staff action and recordSourceOutcome take it: no lock-order deadlock.
    await tx.select({ id: requests.id }).from(requests).where(eq(requests.id, notice.requestId)).for('update');
    const [result] = await tx
      .select({ status: fulfilmentSourceResults.status, runKind: fulfilmentRuns.kind })
      .from(fulfilmentSourceResults)
      .innerJoin(fulfilmentRuns, eq(fulfilmentRuns.id, fulfilmentSourceResults.runId))
      .where(eq(fulfilmentSourceResults.id, notice.sourceResultId))
      .for('update', { of: fulfilmentSourceResults });
    if (result?.status !== 'awaiting_confirmation')
      throw new AppError('INVALID_TRANSITION', 'This request has already been answered. Thank you: there is nothing more to do.');
    if (notice.expiresAt <= now)
      throw new AppError('TOKEN_INVALID', 'This link has expired. Reply to our email and we will send you a new one.');
    const topic = processorTopicOf(result.runKind);
    if (!topic || !(processorAnswersByTopic[topic] as readonly ProcessorAnswer[]).includes(answer))
      throw new AppError('VALIDATION', `This link asks about a ${topic ?? 'request'}: answer with one of the buttons on the page.`);
    await tx
      .update(processorNotices)
      .set({ answer, answerNote: note || null, answeredAt: now })
      .where(eq(processorNotices.id, notice.id));
    await recordSourceOutcome(tx, {
      resultId: notice.sourceResultId,
      outcome: { status: 'succeeded', rowCounts: {} },
      note: `${answerNotes[answer]}${note ? `: ${note}` : '.'}`,
      now,
    });
    await recordEvent(tx, {
      requestId: notice.requestId,
      actor: { type: 'system' },
      action: 'processor_answered',
      details: { vendor: notice.vendorName, topic, answer, ...(note ? { note } : {}) },
    });
  });
}
