import { asc, eq } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '@/db/client';
import { fulfilmentRuns, fulfilmentSourceResults, processorNotices } from '@/db/schema';
import type { ProcessorAnswer } from '@/lib/validation/processor-answer';
import { type ProcessorTopic, processorTopicOf } from './processor-topics';

export type RecipientTold = {
  vendorName: string;
  /** What it was told: to erase, or to correct. */
  topic: ProcessorTopic;
  /** The vendor's contact address: staff only, never on the requester's page. */
  recipient: string;
  firstToldAt: Date;
  emails: number;
  answer: ProcessorAnswer | null;
  answeredAt: Date | null;
  /** Waiting for an answer, answered, or failed at the cut-off (staff chase it). */
  state: 'waiting' | 'answered' | 'failed';
};

/**
 * The recipients told about the request's erasure or correction (GDPR Art. 19: the requester may ask who
 * they are), one line per processor and topic, from the emails sent to it and its answer. The caller authorises: the staff
 * page after its permission check, the status page through the requester's own link.
 */
export async function listRecipientsTold(db: DatabaseOrTransaction, { requestId }: { requestId: string }): Promise<RecipientTold[]> {
  const rows = await db
    .select({ notice: processorNotices, status: fulfilmentSourceResults.status, runKind: fulfilmentRuns.kind })
    .from(processorNotices)
    .innerJoin(fulfilmentSourceResults, eq(fulfilmentSourceResults.id, processorNotices.sourceResultId))
    .innerJoin(fulfilmentRuns, eq(fulfilmentRuns.id, fulfilmentSourceResults.runId))
    .where(eq(processorNotices.requestId, requestId))
    .orderBy(asc(processorNotices.sentAt));
  const byVendor = new Map<string, RecipientTold>();
  for (const { notice, status, runKind } of rows) {
    const topic = processorTopicOf(runKind);
    if (!topic) continue;
    const key = `${topic}:${notice.vendorName}`;
    const told = byVendor.get(key) ?? {
      vendorName: notice.vendorName,
      topic,
      recipient: notice.recipient,
      firstToldAt: notice.sentAt,
      emails: 0,
      answer: null,
      answeredAt: null,
      state: 'waiting' as const,
    };
    told.emails += 1;
    if (notice.answer) Object.assign(told, { answer: notice.answer, answeredAt: notice.answeredAt });
    told.state = told.answer ? 'answered' : status === 'failed' ? 'failed' : 'waiting';
    byVendor.set(key, told);
  }
  return [...byVendor.values()];
}
