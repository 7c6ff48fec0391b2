import { and, eq } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { dataSources, type RequestRow } from '@/db/schema';
import { requestTypeRules } from '@/lib/validation/request-type';
import { startFulfilmentRun } from './start-fulfilment-run';

/**
 * A verified access or export request (or a deletion whose requester asked for a copy first) starts gathering by itself (the system
 * starts it, no staff member), so the package is often ready before an agent
 * opens the request. With no enabled source there is nothing to gather: the
 * agent answers by hand, and accepting the request must not fail over it.
 * Runs on the accepting transaction: the request is accepted with its run or not at all.
 */
export async function startAutomaticGathering(
  tx: Transaction,
  { request, now }: { request: RequestRow; now: Date },
): Promise<{ runId: string } | null> {
  if (requestTypeRules[request.type].answer !== 'data' && !request.copyBeforeErasure) return null;
  const [source] = await tx
    .select({ id: dataSources.id })
    .from(dataSources)
    .where(and(eq(dataSources.isEnabled, true), eq(dataSources.usedForAccess, true)))
    .limit(1);
  if (!source) return null;
  return startFulfilmentRun(tx, { request, kind: 'gather', staffId: null, now });
}
