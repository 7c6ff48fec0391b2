import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db/client';
import { type DataSourceRow, incidentLookups } from '@/db/schema';
import { readSourceSecret } from '@/lib/data-sources/read-source-secret';
import { redactText } from '@/lib/data-sources/webhook/redact-text';
import { AppError } from '@/lib/errors/app-error';
import { enqueueJob } from '@/lib/jobs/enqueue-job';
import { ZBreachLookupCallback } from '@/lib/validation/webhook';
import { applyBreachLookupPage } from './apply-breach-lookup-page';
import { recordLookupDone, recordLookupFailed } from './record-lookup-outcome';

/**
 * A webhook source's signed callback for a `breach_lookup` page it accepted with 202, its signature
 * already checked (lib/data-sources/webhook/receive-webhook-callback.ts). False when no lookup of
 * this source waits for the job, so the caller tries a request's jobs. The page is added and, if it
 * names a next one, the run is queued again for it (the HTTP request does not wait on the source).
 * A callback that breaks the contract fails the lookup (staff see why) and is refused as VALIDATION.
 */
export async function receiveBreachLookupCallback(
  db: Database,
  { source, jobId, json }: { source: DataSourceRow; jobId: string; json: unknown },
): Promise<boolean> {
  const callback = ZBreachLookupCallback.safeParse(json);
  const outcome = await db.transaction(async (tx) => {
    // The row lock makes two deliveries of one callback (or a callback and a late answer) take turns:
    // the first clears the job, the second finds nothing waiting and is refused.
    const [waiting] = await tx
      .select()
      .from(incidentLookups)
      .where(
        and(
          eq(incidentLookups.callbackJobId, jobId),
          eq(incidentLookups.sourceId, source.id),
          // `running`: the callback beat the 202 to us (the job id is saved before sending).
          inArray(incidentLookups.status, ['running', 'awaiting_callback']),
        ),
      )
      .for('update');
    if (!waiting) return { isHandled: false, problem: null };
    const failLookup = (error: string) => recordLookupFailed(tx, { lookup: waiting, error: `Could not search ${source.name}: ${error}` });
    if (!callback.success) {
      const problem = z.prettifyError(callback.error);
      await failLookup(`sent a callback that does not follow the contract: ${problem}`);
      return { isHandled: true, problem };
    }
    if (callback.data.status === 'failed') {
      await failLookup(`reported a failure: ${redactText(callback.data.error, [readSourceSecret(source)])}`);
      return { isHandled: true, problem: null };
    }
    const counts = await applyBreachLookupPage(tx, { lookup: waiting, page: callback.data });
    if (!callback.data.next) {
      await recordLookupDone(tx, { lookup: waiting, counts });
      return { isHandled: true, problem: null };
    }
    await tx.update(incidentLookups).set({ status: 'queued' }).where(eq(incidentLookups.id, waiting.id));
    await enqueueJob(tx, 'find-affected-people', { lookupId: waiting.id }, { maxAttempts: 1 });
    return { isHandled: true, problem: null };
  });
  if (outcome.problem) throw new AppError('VALIDATION', `The search was marked failed: ${outcome.problem}`);
  return outcome.isHandled;
}
