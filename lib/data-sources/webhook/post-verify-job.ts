import { randomBytes } from 'node:crypto';
import type { TWebhookSourceConfig } from '@/lib/validation/data-source';
import type { DataPointKind } from '@/lib/validation/verification-levels';
import { type TWebhookVerifyAnswer, type TWebhookVerifyJob, ZWebhookVerifyAnswer } from '@/lib/validation/webhook';
import { postWebhookJob } from './post-webhook-job';

export type VerifyJobOutcome = { kind: 'answered'; matched: DataPointKind[] } | { kind: 'failed'; error: string };

/**
 * Asks a webhook source whether the facts a requester typed match what it holds for the subject:
 * one signed `verify` job, answered at once. The facts go to that system only; on our side they are
 * never stored or logged, and an error (shown to staff, kept in the audit trail) has them redacted,
 * with the secret and the subject's email, in case the system echoes them back.
 * One attempt within the source's timeout: the requester waits on the page, and a failure does not
 * count as a try, so they can simply try again.
 */
export async function postVerifyJob({
  config,
  secret,
  reference,
  subject,
  dataPoints,
  allowPrivateTargets,
}: {
  config: TWebhookSourceConfig;
  secret: string;
  reference: string;
  subject: { email: string; accountIdentifier: string | null };
  dataPoints: TWebhookVerifyJob['dataPoints'];
  allowPrivateTargets: boolean;
}): Promise<VerifyJobOutcome> {
  const job: TWebhookVerifyJob = {
    jobId: randomBytes(32).toString('base64url'),
    type: 'verify',
    dryRun: false,
    reference,
    subject: { email: subject.email, accountIdentifier: subject.accountIdentifier },
    dataPoints,
  };
  const sent = Object.keys(dataPoints) as DataPointKind[];
  const typed = Object.values(dataPoints).flatMap((point) => (point ? [point.value, point.normalised] : []));
  const delivery = await postWebhookJob<TWebhookVerifyAnswer>({
    url: config.url,
    secret,
    job,
    answerSchema: ZWebhookVerifyAnswer,
    timeoutSeconds: config.timeoutSeconds,
    maxAttempts: 1,
    redact: [subject.email, subject.accountIdentifier, ...typed],
    allowPrivateTargets,
  });
  if (delivery.kind === 'failed') return delivery;
  const unanswered = sent.filter((kind) => delivery.answer.dataPoints[kind] === undefined);
  if (unanswered.length > 0) return { kind: 'failed', error: `Answered without saying whether ${unanswered.join(', ')} matched.` };
  return { kind: 'answered', matched: sent.filter((kind) => delivery.answer.dataPoints[kind]?.match === true) };
}
