import { eq } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '@/db/client';
import { fulfilmentRuns, fulfilmentSourceResults, processorNotices, requests } from '@/db/schema';
import { hashToken } from '@/lib/security/tokens';
import { getOrganisationSettings } from '@/lib/settings/get-organisation-settings';
import { type ProcessorTopic, processorTopicOf } from './processor-topics';

export type ProcessorNoticeView = {
  organisationName: string;
  vendorName: string;
  reference: string;
  subjectEmail: string;
  /** What the processor is asked to do; for a correction, `correction` is what the requester asked to correct. */
  topic: ProcessorTopic;
  correction: string | null;
  expiresAt: Date;
  /** open: the processor can answer; answered: someone already did (through this link or another); expired: past the cut-off. */
  state: 'open' | 'answered' | 'expired';
};

/**
 * What a processor's link shows: whom to erase or correct (and how), and whether it can still be answered. The token
 * is looked up by its hash only; a link unknown, or of a request whose details are gone, is null.
 */
export async function findProcessorNotice(
  db: DatabaseOrTransaction,
  { token, now = new Date() }: { token: string; now?: Date },
): Promise<ProcessorNoticeView | null> {
  if (token.length < 20 || token.length > 100) return null;
  const [found] = await db
    .select({
      notice: processorNotices,
      status: fulfilmentSourceResults.status,
      runKind: fulfilmentRuns.kind,
      email: requests.email,
      reference: requests.reference,
      details: requests.details,
    })
    .from(processorNotices)
    .innerJoin(fulfilmentSourceResults, eq(fulfilmentSourceResults.id, processorNotices.sourceResultId))
    .innerJoin(fulfilmentRuns, eq(fulfilmentRuns.id, fulfilmentSourceResults.runId))
    .innerJoin(requests, eq(requests.id, processorNotices.requestId))
    .where(eq(processorNotices.tokenHash, hashToken(token)));
  const topic = found && processorTopicOf(found.runKind);
  if (!found?.email || !found.reference || !topic) return null;
  const { organisationName } = await getOrganisationSettings(db);
  return {
    organisationName,
    vendorName: found.notice.vendorName,
    reference: found.reference,
    subjectEmail: found.email,
    topic,
    correction: topic === 'correction' ? found.details?.trim() || null : null,
    expiresAt: found.notice.expiresAt,
    state: found.status !== 'awaiting_confirmation' ? 'answered' : found.notice.expiresAt <= now ? 'expired' : 'open',
  };
}
