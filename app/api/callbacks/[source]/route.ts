import { findCallbackSource } from '@/lib/data-sources/webhook/find-callback-source';
import { receiveWebhookCallback } from '@/lib/data-sources/webhook/receive-webhook-callback';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER } from '@/lib/data-sources/webhook/sign-webhook-request';
import { MAX_WEBHOOK_BODY_BYTES } from '@/lib/data-sources/webhook/webhook-limits';
import { getDb } from '@/lib/database';
import { isAppError } from '@/lib/errors/app-error';
import { problemResponse } from '@/lib/http/problem-response';
import { readRawBody } from '@/lib/http/read-raw-body';

/**
 * A webhook source answers a job it accepted with 202 (README, "Webhook sources").
 * No session or CSRF token: the HMAC signature over the raw body is the
 * authentication, checked before the body is parsed. The source is looked up
 * before the body is read, so an unknown URL costs no upload. Refusals are
 * problem details; an unknown source's says only "Not found."
 */
export async function POST(request: Request, { params }: { params: Promise<{ source: string }> }): Promise<Response> {
  try {
    const db = getDb();
    const source = await findCallbackSource(db, { sourceSlug: (await params).source });
    const rawBody = await readRawBody(request, MAX_WEBHOOK_BODY_BYTES);
    await receiveWebhookCallback(db, { source, rawBody, timestamp: request.headers.get(TIMESTAMP_HEADER), signature: request.headers.get(SIGNATURE_HEADER) });
    return Response.json({ ok: true });
  } catch (error) {
    if (isAppError(error)) return problemResponse(error);
    throw error;
  }
}
