import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { completedJobOutcome } from '@/lib/data-sources/webhook/completed-job-outcome';
import { postWebhookJob } from '@/lib/data-sources/webhook/post-webhook-job';
import { redactText } from '@/lib/data-sources/webhook/redact-text';
import { readSourceSecret } from '@/lib/data-sources/read-source-secret';
import { env } from '@/lib/env';
import { isOptOutType, ZWebhookSourceConfig } from '@/lib/validation/data-source';
import { isProcessingFlagRun } from '../processing-flag-runs';
import type { TWebhookJob } from '@/lib/validation/webhook';
import type { SourceExecutor, SourceStep } from '../source-executor';

/**
 * A webhook source's step: POST a signed job and act on the answer. Data answered
 * at once is staged for the package; a 202 leaves the result awaiting the signed
 * callback (lib/data-sources/webhook/receive-webhook-callback.ts). Retry timing
 * comes from webhookDeliveryOptions.
 */
export const runWebhookSource: SourceExecutor = async (step) => {
  const config = ZWebhookSourceConfig.safeParse(step.source.config);
  if (!config.success) return { status: 'failed', error: `The source's settings are invalid: ${z.prettifyError(config.error)}` };
  const secret = readSourceSecret(step.source);
  const job = webhookJob(step);
  // Saved before sending: a system that calls back before its 202 reaches us must find the job.
  await step.saveCallbackJobId?.(job.jobId);

  const redact = [step.subject.email, step.subject.accountIdentifier];
  const delivery = await postWebhookJob({
    url: config.data.url,
    secret,
    job,
    timeoutSeconds: config.data.timeoutSeconds,
    maxAttempts: config.data.maxAttempts,
    redact,
    allowPrivateTargets: step.allowPrivateTargets,
  });
  if (delivery.kind === 'failed') return { status: 'failed', error: delivery.error };
  const { answer } = delivery;
  if (answer.status === 'accepted') return { status: 'awaiting_callback', callbackJobId: job.jobId };
  if (answer.status === 'failed')
    return { status: 'failed', error: `Reported a failure: ${redactText(answer.error, [secret, ...redact])}` };
  return completedJobOutcome({
    run: step.run,
    source: step.source,
    tables: answer.tables,
    rowCounts: answer.rowCounts,
    onProgress: step.reportProgress,
  });
};

/** The job we send; a fresh random jobId per step, so a callback for an earlier try of this source is refused. */
function webhookJob(step: SourceStep): TWebhookJob {
  const { kind } = step.run;
  return {
    jobId: randomBytes(32).toString('base64url'),
    // A processing flag's job is named by its run: opt_out, restrict or object.
    type: kind === 'gather' ? 'access' : kind === 'correct' || isProcessingFlagRun(kind) ? kind : 'erasure',
    dryRun: kind === 'dry_run',
    ...(kind === 'correct'
      ? {
          correction: {
            details: step.request.details ?? '',
            ...(step.request.correctionFields?.length ? { fields: step.request.correctionFields } : {}),
          },
        }
      : {}),
    ...(kind === 'opt_out' && isOptOutType(step.request.type) ? { optOut: step.request.type } : {}),
    ...(kind === 'object' ? { objection: { details: step.request.details ?? '' } } : {}),
    // Only verified requests (which have a reference) are fulfilled; the id is a fallback, never expected.
    reference: step.request.reference ?? step.request.id,
    subject: { email: step.subject.email, accountIdentifier: step.subject.accountIdentifier },
    callbackUrl: `${env().APP_URL}/api/callbacks/${step.source.slug}`,
  };
}
