import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db/client';
import { type DataSourceRow, type IncidentLookupRow, incidentLookups, incidents } from '@/db/schema';
import { readSourceSecret } from '@/lib/data-sources/read-source-secret';
import { postWebhookJob } from '@/lib/data-sources/webhook/post-webhook-job';
import { redactText } from '@/lib/data-sources/webhook/redact-text';
import { env } from '@/lib/env';
import { isAppError } from '@/lib/errors/app-error';
import { ZWebhookSourceConfig } from '@/lib/validation/data-source';
import { type TBreachLookupJob, ZBreachLookupAnswer } from '@/lib/validation/webhook';
import { applyBreachLookupPage } from './apply-breach-lookup-page';
import { recordLookupDone, recordLookupFailed } from './record-lookup-outcome';

/**
 * A lookup in a webhook source: a signed `breach_lookup` job per page, POSTed as every webhook job
 * is (same signature, private-network guard, retries and timeout: post-webhook-job.ts). A page
 * answered at once is added and the next one asked for with its cursor; one page at a time is held
 * in memory. A 202 leaves the lookup awaiting the page's signed callback
 * (receive-breach-lookup-callback.ts), which queues this run again for the page after.
 */
export async function findAffectedPeopleByWebhook(
  db: Database,
  { lookup, source, allowPrivateTargets }: { lookup: IncidentLookupRow; source: DataSourceRow; allowPrivateTargets: boolean },
): Promise<void> {
  // The counts stay as the pages left them on the row.
  const fail = (error: string) => recordLookupFailed(db, { lookup, error: `Could not search ${source.name}: ${error}` });
  try {
    await askPageByPage(db, { lookup, source, allowPrivateTargets, fail });
  } catch (error) {
    await fail(isAppError(error) ? error.message : error instanceof Error ? error.message : String(error));
  }
}

async function askPageByPage(
  db: Database,
  {
    lookup,
    source,
    allowPrivateTargets,
    fail,
  }: { lookup: IncidentLookupRow; source: DataSourceRow; allowPrivateTargets: boolean; fail: (error: string) => Promise<void> },
): Promise<void> {
  const config = ZWebhookSourceConfig.safeParse(source.config);
  if (!config.success) return fail(`the source's settings are invalid: ${z.prettifyError(config.error)}`);
  const secret = readSourceSecret(source);
  const [incident] = await db.select({ reference: incidents.reference }).from(incidents).where(eq(incidents.id, lookup.incidentId));
  let current = lookup;
  for (;;) {
    const job = breachLookupJob({ reference: incident!.reference, lookup: current, sourceSlug: source.slug });
    // Saved before sending: a system that calls back before its 202 reaches us must find the job.
    await db.update(incidentLookups).set({ callbackJobId: job.jobId }).where(eq(incidentLookups.id, lookup.id));
    const delivery = await postWebhookJob({
      url: config.data.url,
      secret,
      job,
      answerSchema: ZBreachLookupAnswer,
      timeoutSeconds: config.data.timeoutSeconds,
      maxAttempts: config.data.maxAttempts,
      allowPrivateTargets,
    });
    if (delivery.kind === 'failed') return fail(delivery.error);
    const { answer } = delivery;
    if (answer.status === 'failed') return fail(`reported a failure: ${redactText(answer.error, [secret])}`);
    if (answer.status === 'accepted') {
      // Only if the callback has not already answered this job (it may beat the 202 to us).
      await db
        .update(incidentLookups)
        .set({ status: 'awaiting_callback', awaitingCallbackSince: new Date() })
        .where(and(eq(incidentLookups.id, lookup.id), eq(incidentLookups.status, 'running'), eq(incidentLookups.callbackJobId, job.jobId)));
      return;
    }
    const next = await db.transaction(async (tx) => {
      // The lock makes an answer and a callback for the same job take turns: the second finds the job cleared.
      const [locked] = await tx
        .select()
        .from(incidentLookups)
        .where(and(eq(incidentLookups.id, lookup.id), eq(incidentLookups.status, 'running'), eq(incidentLookups.callbackJobId, job.jobId)))
        .for('update');
      if (!locked) return null;
      const counts = await applyBreachLookupPage(tx, { lookup: locked, page: answer });
      if (!answer.next) await recordLookupDone(tx, { lookup: locked, counts });
      return answer.next ? { ...locked, ...counts, webhookCursor: answer.next } : null;
    });
    if (!next) return;
    current = next;
  }
}

/** The job for the lookup's next page; a fresh jobId each, so a callback for an earlier page is refused. */
function breachLookupJob({
  reference,
  lookup,
  sourceSlug,
}: {
  reference: string;
  lookup: Pick<IncidentLookupRow, 'filter' | 'webhookCursor'>;
  sourceSlug: string;
}): TBreachLookupJob {
  return {
    jobId: randomBytes(32).toString('base64url'),
    type: 'breach_lookup',
    dryRun: false,
    reference,
    filter: lookup.filter,
    cursor: lookup.webhookCursor,
    callbackUrl: `${env().APP_URL}/api/callbacks/${sourceSlug}`,
  };
}
