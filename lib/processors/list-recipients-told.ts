import { asc, eq } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '@/db/client';
import { fulfilmentSourceResults, processorNotices } from '@/db/schema';

export type RecipientTold = {
  vendorName: string;
  /** The vendor's contact address: staff only, never on the requester's page. */
  recipient: string;
  firstToldAt: Date;
  emails: number;
  answer: 'erased' | 'held_nothing' | null;
  answeredAt: Date | null;
  /** Waiting for an answer, answered, or failed at the cut-off (staff chase it). */
  state: 'waiting' | 'answered' | 'failed';
};

/**
 * The recipients told about the request's erasure (GDPR Art. 19: the requester may ask who they are),
 * one line per processor, from the emails sent to it and its answer. The caller authorises: the staff
 * page after its permission check, the status page through the requester's own link.
 */
export async function listRecipientsTold(db: DatabaseOrTransaction, { requestId }: { requestId: string }): Promise<RecipientTold[]> {
  const rows = await db
    .select({ notice: processorNotices, status: fulfilmentSourceResults.status })
    .from(processorNotices)
    .innerJoin(fulfilmentSourceResults, eq(fulfilmentSourceResults.id, processorNotices.sourceResultId))
    .where(eq(processorNotices.requestId, requestId))
    .orderBy(asc(processorNotices.sentAt));
  const byVendor = new Map<string, RecipientTold>();
  for (const { notice, status } of rows) {
    const told = byVendor.get(notice.vendorName) ?? {
      vendorName: notice.vendorName,
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
    byVendor.set(notice.vendorName, told);
  }
  return [...byVendor.values()];
}
