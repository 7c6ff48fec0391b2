import { and, eq, lt } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { dataSources, fulfilmentSourceResults } from '@/db/schema';
import { ZWebhookSourceConfig } from '@/lib/validation/data-source';
import { recordSourceOutcome } from './record-source-outcome';

/**
 * A webhook that accepted a job (202) and never called back would leave its run
 * waiting forever and the request stuck. Hourly, each such result older than its
 * source's callbackTimeoutHours becomes failed, which the request page offers to retry.
 * The status is re-checked under the result's row lock: a callback arriving at the same
 * moment wins or loses cleanly, never both.
 */
export async function expireAwaitedCallbacks(db: Database, { now = new Date() }: { now?: Date } = {}): Promise<number> {
  const waiting = await db
    .select({ id: fulfilmentSourceResults.id, startedAt: fulfilmentSourceResults.startedAt, config: dataSources.config })
    .from(fulfilmentSourceResults)
    .innerJoin(dataSources, eq(dataSources.id, fulfilmentSourceResults.sourceId))
    // Nothing waits less than an hour: the cheapest bound the query can use before each source's own limit.
    .where(
      and(
        eq(fulfilmentSourceResults.status, 'awaiting_callback'),
        lt(fulfilmentSourceResults.startedAt, new Date(now.getTime() - 60 * 60 * 1000)),
      ),
    );
  let expired = 0;
  for (const result of waiting) {
    const parsed = ZWebhookSourceConfig.safeParse(result.config);
    const hours = parsed.success ? parsed.data.callbackTimeoutHours : 72;
    if (!result.startedAt || now.getTime() - result.startedAt.getTime() < hours * 60 * 60 * 1000) continue;
    const didExpire = await db.transaction(async (tx) => {
      const [locked] = await tx
        .select({ status: fulfilmentSourceResults.status })
        .from(fulfilmentSourceResults)
        .where(eq(fulfilmentSourceResults.id, result.id))
        .for('update');
      if (locked?.status !== 'awaiting_callback') return false;
      await recordSourceOutcome(tx, {
        resultId: result.id,
        outcome: { status: 'failed', error: `The system accepted the job but sent no answer within ${hours} hours.` },
        now,
      });
      return true;
    });
    if (didExpire) expired += 1;
  }
  return expired;
}
