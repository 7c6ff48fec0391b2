import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db/client';
import { type DataSourceRow, fulfilmentRuns, fulfilmentSourceResults, requests } from '@/db/schema';
import { AppError } from '@/lib/errors/app-error';
import { receiveBreachLookupCallback } from '@/lib/incidents/receive-breach-lookup-callback';
import { recordSourceOutcome } from '@/lib/fulfilment/record-source-outcome';
import type { SourceOutcome } from '@/lib/fulfilment/source-executor';
import { parseJsonBody } from '@/lib/http/read-json-body';
import { readSourceSecret } from '@/lib/data-sources/read-source-secret';
import { ZWebhookCallback, ZWebhookCallbackEnvelope } from '@/lib/validation/webhook';
import { completedJobOutcome } from './completed-job-outcome';
import { redactText } from './redact-text';
import { type SignatureCheck, signatureProblems, verifyWebhookSignature } from './verify-webhook-signature';

export type ReceiveWebhookCallbackOptions = {
  source: DataSourceRow;
  rawBody: Uint8Array;
  timestamp: string | null;
  signature: string | null;
  now?: Date;
};

/**
 * A webhook source's signed answer to a job it accepted with 202. The signature
 * (over the raw bytes, before parsing) is the authentication. Only a job of this
 * source that is still waiting is answered: a replay, a job from an earlier try or
 * another source's job is a CONFLICT and changes nothing. A callback that names a
 * waiting job but breaks the contract fails that job (so the agent sees why and can
 * retry) and is refused as VALIDATION. A job that is a page of a breach search
 * (`breach_lookup`) is handed to lib/incidents/receive-breach-lookup-callback.ts.
 */
export async function receiveWebhookCallback(
  db: Database,
  { source, rawBody, timestamp, signature, now = new Date() }: ReceiveWebhookCallbackOptions,
): Promise<void> {
  const check: SignatureCheck = source.secretCiphertext
    ? verifyWebhookSignature({ secret: readSourceSecret(source), rawBody, timestamp, signature, now })
    : { isValid: false, reason: 'mismatch' };
  if (!check.isValid) throw new AppError('UNAUTHENTICATED', signatureProblems[check.reason]);

  const json = parseJsonBody(rawBody, { isSourceData: true });
  const envelope = ZWebhookCallbackEnvelope.safeParse(json);
  if (!envelope.success) throw new AppError('VALIDATION', z.prettifyError(envelope.error));
  // A page of a breach's affected people (lib/incidents) rather than a request's job.
  if (await receiveBreachLookupCallback(db, { source, jobId: envelope.data.jobId, json })) return;
  const callback = ZWebhookCallback.safeParse(json);

  const contractProblem = await db.transaction(async (tx) => {
    // The row lock makes two deliveries of one callback take turns: the second
    // re-reads the row, finds it answered and is refused, so exactly one applies.
    // Staging happens under the lock too, so two writers never share a staging folder.
    const [waiting] = await tx
      .select({
        result: fulfilmentSourceResults,
        run: { id: fulfilmentRuns.id, kind: fulfilmentRuns.kind },
        subject: { email: requests.email, accountIdentifier: requests.accountIdentifier },
      })
      .from(fulfilmentSourceResults)
      .innerJoin(fulfilmentRuns, eq(fulfilmentRuns.id, fulfilmentSourceResults.runId))
      .innerJoin(requests, eq(requests.id, fulfilmentRuns.requestId))
      .where(
        and(
          eq(fulfilmentSourceResults.callbackJobId, envelope.data.jobId),
          eq(fulfilmentSourceResults.sourceId, source.id),
          // `running`: the callback beat the 202 to us (the job id is saved before sending).
          inArray(fulfilmentSourceResults.status, ['running', 'awaiting_callback']),
        ),
      )
      .for('update', { of: fulfilmentSourceResults });
    if (!waiting) throw new AppError('CONFLICT', 'This job is unknown or has already been answered.');

    const redact = [waiting.subject.email, waiting.subject.accountIdentifier];
    let outcome: SourceOutcome;
    if (!callback.success) {
      outcome = {
        status: 'failed',
        error: `Sent a callback that does not follow the contract: ${redactText(z.prettifyError(callback.error), redact)}`,
      };
    } else if (callback.data.status === 'failed') {
      outcome = { status: 'failed', error: `Reported a failure: ${redactText(callback.data.error, redact)}` };
    } else {
      outcome = await completedJobOutcome({ run: waiting.run, source, tables: callback.data.tables, rowCounts: callback.data.rowCounts });
    }
    await recordSourceOutcome(tx, { resultId: waiting.result.id, outcome, now });
    return callback.success ? null : z.prettifyError(callback.error);
  });
  if (contractProblem) throw new AppError('VALIDATION', `The job was marked failed: ${contractProblem}`);
}
