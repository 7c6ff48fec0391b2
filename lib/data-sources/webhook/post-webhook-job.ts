import { setTimeout as sleep } from 'node:timers/promises';
import { fetch } from 'undici';
import { z } from 'zod';
import { isAppError } from '@/lib/errors/app-error';
import { formatBytes } from '@/lib/format/format-bytes';
import { PrivateTargetError } from '@/lib/network/public-only-lookup';
import { parseJsonBody } from '@/lib/http/read-json-body';
import { readRawBody } from '@/lib/http/read-raw-body';
import {
  type TBreachLookupJob,
  type TWebhookAnswer,
  type TWebhookJob,
  type TWebhookVerifyJob,
  ZWebhookAnswer,
} from '@/lib/validation/webhook';
import { redactText } from './redact-text';
import { signWebhookRequest } from './sign-webhook-request';
import { MAX_WEBHOOK_BODY_BYTES } from './webhook-limits';
import { webhookDispatcher } from './webhook-dispatcher';

/** undici's fetch answers with its own Response class (the same as the built-in one, typed apart). */
type FetchResponse = Awaited<ReturnType<typeof fetch>>;

export type WebhookDeliveryOptions = {
  /** The first retry waits about this long, each later one twice as long (with jitter), up to maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** A longer Retry-After is cut to this: the job holds a worker slot while it waits. */
  maxRetryAfterMs: number;
  /** Largest answer read; an access answer holds the subject's rows, so this is generous. */
  maxBodyBytes: number;
};

/** Read at each delivery; tests lower the delays (and the cap) so they never wait seconds. */
export const webhookDeliveryOptions: WebhookDeliveryOptions = {
  baseDelayMs: 1000,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 60_000,
  maxBodyBytes: MAX_WEBHOOK_BODY_BYTES,
};

export type WebhookDelivery<Answer = TWebhookAnswer> = { attempts: number } & (
  | { kind: 'answered'; answer: Answer }
  | { kind: 'failed'; error: string }
);

type Attempt<Answer> =
  | { kind: 'answered'; answer: Answer }
  | { kind: 'failed'; error: string; isRetryable: boolean; retryAfterMs?: number | null };

const EXCERPT_BYTES = 300;

/**
 * POSTs one signed job and reads its answer. Network errors, timeouts, 5xx and 429
 * are tried again (up to maxAttempts in all) after an exponential, jittered delay
 * or the server's Retry-After; any other 4xx, a redirect, or an answer that breaks
 * the contract is final at once, since sending the same job again cannot fix it.
 * Every try is signed afresh (a late retry must not carry a stale timestamp) and
 * carries the same jobId, so the receiver can recognise a repeat.
 * `redact` lists values (the secret, the subject's email) that must not appear in
 * an error, which is shown to agents and kept in the audit trail.
 */
export async function postWebhookJob<Answer = TWebhookAnswer>({
  url,
  secret,
  job,
  answerSchema = ZWebhookAnswer as unknown as z.ZodType<Answer>,
  timeoutSeconds,
  maxAttempts,
  redact = [],
  allowPrivateTargets,
  options = webhookDeliveryOptions,
}: {
  url: string;
  secret: string;
  job: TWebhookJob | TBreachLookupJob | TWebhookVerifyJob;
  /** The contract the answer must follow: a request's jobs by default, a `breach_lookup` job's pages or a `verify` job's matches otherwise. */
  answerSchema?: z.ZodType<Answer>;
  timeoutSeconds: number;
  maxAttempts: number;
  redact?: (string | null)[];
  /** The admin setting: off, a URL that is or resolves to a private address is refused at connection time. */
  allowPrivateTargets: boolean;
  options?: WebhookDeliveryOptions;
}): Promise<WebhookDelivery<Answer>> {
  const rawBody = JSON.stringify(job);
  const secrets = [secret, ...redact];
  for (let attempt = 1; ; attempt += 1) {
    const result = await attemptOnce({
      url,
      answerSchema,
      secret,
      rawBody,
      timeoutSeconds,
      maxBodyBytes: options.maxBodyBytes,
      secrets,
      allowPrivateTargets,
    });
    if (result.kind === 'answered') return { ...result, attempts: attempt };
    if (!result.isRetryable || attempt >= maxAttempts) {
      const gaveUp = result.isRetryable && attempt > 1 ? ` Gave up after ${attempt} attempts.` : '';
      return { kind: 'failed', error: `${result.error}${gaveUp}`, attempts: attempt };
    }
    await sleep(retryDelayMs(attempt, result.retryAfterMs ?? null, options));
  }
}

async function attemptOnce<Answer>({
  url,
  answerSchema,
  secret,
  rawBody,
  timeoutSeconds,
  maxBodyBytes,
  secrets,
  allowPrivateTargets,
}: {
  url: string;
  answerSchema: z.ZodType<Answer>;
  secret: string;
  rawBody: string;
  timeoutSeconds: number;
  maxBodyBytes: number;
  secrets: (string | null)[];
  allowPrivateTargets: boolean;
}): Promise<Attempt<Answer>> {
  let response: FetchResponse;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'User-Agent': 'dsr-desk', ...signWebhookRequest({ secret, rawBody }) },
      body: rawBody,
      // The timeout covers reading the answer too: the same signal aborts the body stream.
      signal: AbortSignal.timeout(timeoutSeconds * 1000),
      // Following a redirect would send the subject's details somewhere nobody configured.
      redirect: 'manual',
      dispatcher: webhookDispatcher({ allowPrivateTargets }),
    });
  } catch (error) {
    // Sending again cannot make a private address public.
    if (isPrivateTargetRefusal(error))
      return { kind: 'failed', error: `Refused: ${(error as Error & { cause: Error }).cause.message}`, isRetryable: false };
    return { kind: 'failed', error: describeNetworkError(error, timeoutSeconds), isRetryable: true };
  }

  const { status } = response;
  if (status === 429 || status >= 500) {
    return {
      kind: 'failed',
      error: `Answered HTTP ${status}${await excerpt(response, secrets)}.`,
      isRetryable: true,
      retryAfterMs: parseRetryAfter(response.headers.get('retry-after')),
    };
  }
  if (status >= 300 && status < 400) {
    await response.body?.cancel().catch(() => undefined);
    return {
      kind: 'failed',
      error: `Answered HTTP ${status} (a redirect): set the source's URL to the address that answers.`,
      isRetryable: false,
    };
  }
  if (status < 200 || status >= 300)
    return { kind: 'failed', error: `Answered HTTP ${status}${await excerpt(response, secrets)}.`, isRetryable: false };

  let raw: Buffer;
  try {
    // undici's Response behaves as the built-in one (a web ReadableStream body, Headers.get); only the type declarations differ.
    raw = await readRawBody(response as unknown as Response, maxBodyBytes);
  } catch (error) {
    if (isAppError(error, 'PAYLOAD_TOO_LARGE'))
      return {
        kind: 'failed',
        error: `Answered with more than ${formatBytes(maxBodyBytes)}, the most a source may send.`,
        isRetryable: false,
      };
    return { kind: 'failed', error: describeNetworkError(error, timeoutSeconds), isRetryable: true };
  }
  let json: unknown;
  try {
    json = parseJsonBody(raw, { isSourceData: true });
  } catch {
    return {
      kind: 'failed',
      error: `Answered HTTP ${status} with a body that is not JSON${quote(raw.subarray(0, EXCERPT_BYTES).toString('utf8'), secrets)}.`,
      isRetryable: false,
    };
  }
  const answer = answerSchema.safeParse(json);
  if (!answer.success) {
    return {
      kind: 'failed',
      error: `Answered HTTP ${status} with a body that does not follow the contract: ${redactText(z.prettifyError(answer.error), secrets)}`,
      isRetryable: false,
    };
  }
  return { kind: 'answered', answer: answer.data };
}

/** Exponential with "equal jitter" (half fixed, half random), so sources that failed together do not retry together. */
export function retryDelayMs(
  failedAttempt: number,
  retryAfterMs: number | null,
  options: Pick<WebhookDeliveryOptions, 'baseDelayMs' | 'maxDelayMs' | 'maxRetryAfterMs'>,
): number {
  if (retryAfterMs !== null) return Math.min(retryAfterMs, options.maxRetryAfterMs);
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (failedAttempt - 1));
  return ceiling / 2 + Math.random() * (ceiling / 2);
}

/** Retry-After is either seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - Date.now());
}

function isPrivateTargetRefusal(error: unknown): boolean {
  return error instanceof Error && error.cause instanceof PrivateTargetError;
}

export function describeNetworkError(error: unknown, timeoutSeconds: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'))
    return `No answer within ${timeoutSeconds} s.`;
  const cause = error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  const reason = cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
  return `Could not be reached (${reason}).`;
}

/** The first few hundred bytes of an error answer, for the agent; the rest is discarded unread. */
async function excerpt(response: FetchResponse, secrets: (string | null)[]): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < EXCERPT_BYTES) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
  } catch {
    // A body that breaks off mid-way still leaves the status code to report.
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return quote(Buffer.concat(chunks).subarray(0, EXCERPT_BYTES).toString('utf8'), secrets);
}

function quote(text: string, secrets: (string | null)[]): string {
  const clean = redactText(text, secrets).replace(/\s+/g, ' ').trim();
  return clean ? `: "${clean.slice(0, 200)}${clean.length > 200 ? '…' : ''}"` : '';
}
