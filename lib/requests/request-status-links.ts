import type { Database } from '@/db/client';
import { enqueueJob } from '@/lib/jobs/enqueue-job';
import { hashEmail } from '@/lib/security/keyed-hash';
import type { TFindRequest } from '@/lib/validation/find-request';
import { enforceRateLimits } from './enforce-rate-limits';

export type RequestStatusLinksOptions = { input: TFindRequest; ip: string | null; now?: Date };

/**
 * "Find my request". Does the same work whatever the address: counts the attempt
 * against the intake limits and queues one job, keyed by the address's hash (no
 * address in the job). The lookup and any email happen in the worker
 * (send-status-links.ts), so neither the answer nor its timing says whether the
 * address has ever filed anything.
 */
export async function requestStatusLinks(db: Database, { input, ip, now = new Date() }: RequestStatusLinksOptions): Promise<void> {
  const emailHash = hashEmail(input.email);
  await db.transaction(async (tx) => {
    await enforceRateLimits(tx, { emailHash, ip, now });
    // Keyed by the address: asking again before the worker ran replaces the waiting job, so one email answers both.
    await enqueueJob(
      tx,
      'send-status-links',
      { emailHash, reference: input.reference ?? null, requestedAt: now.toISOString(), ip },
      { jobKey: `status-links:${emailHash}` },
    );
  });
}
