import { and, inArray, sql } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { requestEvents } from '@/db/schema';

/**
 * Whether a job already did its work: an event it wrote names it (`details.jobId`). graphile-worker marks a
 * job done in a statement of its own after the task's transaction commits, so a worker killed (or a database
 * restarted) in between runs the same job again; a task that sends email checks this, under the row locks it
 * takes on the requests, before sending, and writes its job's id into the events it records.
 */
export async function recordedByJob(
  tx: Transaction,
  { requestIds, jobId }: { requestIds: readonly string[]; jobId: string },
): Promise<boolean> {
  if (requestIds.length === 0) return false;
  const [found] = await tx
    .select({ id: requestEvents.id })
    .from(requestEvents)
    .where(and(inArray(requestEvents.requestId, [...requestIds]), sql`${requestEvents.details}->>'jobId' = ${jobId}`))
    .limit(1);
  return found !== undefined;
}
