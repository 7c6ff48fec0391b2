import { and, eq, lt } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { dataSources, incidentLookups } from '@/db/schema';
import { ZWebhookSourceConfig } from '@/lib/validation/data-source';
import { recordLookupFailed } from './record-lookup-outcome';

/**
 * A webhook source that accepted a `breach_lookup` page (202) and never called back would leave the
 * search waiting forever. Hourly (with expire-awaited-callbacks), each such lookup waiting longer
 * than its source's callbackTimeoutHours fails, with the reason, for staff to run again. The status
 * is re-checked under the row lock: a callback arriving at the same moment wins or loses cleanly.
 */
export async function expireAwaitedLookups(db: Database, { now = new Date() }: { now?: Date } = {}): Promise<number> {
  const waiting = await db
    .select({ lookup: incidentLookups, sourceName: dataSources.name, config: dataSources.config })
    .from(incidentLookups)
    .innerJoin(dataSources, eq(dataSources.id, incidentLookups.sourceId))
    // Nothing waits less than an hour: the cheapest bound the query can use before each source's own limit.
    .where(
      and(
        eq(incidentLookups.status, 'awaiting_callback'),
        lt(incidentLookups.awaitingCallbackSince, new Date(now.getTime() - 60 * 60 * 1000)),
      ),
    );
  let expired = 0;
  for (const { lookup, sourceName, config } of waiting) {
    const parsed = ZWebhookSourceConfig.safeParse(config);
    const hours = parsed.success ? parsed.data.callbackTimeoutHours : 72;
    if (!lookup.awaitingCallbackSince || now.getTime() - lookup.awaitingCallbackSince.getTime() < hours * 60 * 60 * 1000) continue;
    const didExpire = await db.transaction(async (tx) => {
      const [locked] = await tx
        .select({ status: incidentLookups.status })
        .from(incidentLookups)
        .where(eq(incidentLookups.id, lookup.id))
        .for('update');
      if (locked?.status !== 'awaiting_callback') return false;
      await recordLookupFailed(tx, {
        lookup,
        error: `Could not search ${sourceName}: the system accepted the search but sent no answer within ${hours} hours.`,
      });
      return true;
    });
    if (didExpire) expired += 1;
  }
  return expired;
}
