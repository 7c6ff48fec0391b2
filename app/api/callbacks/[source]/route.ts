import { findCallbackSource } from '@/lib/data-sources/webhook/find-callback-source';
import { receiveWebhookCallback } from '@/lib/data-sources/webhook/receive-webhook-callback';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER } from '@/lib/data-sources/webhook/sign-webhook-request';
import { MAX_WEBHOOK_BODY_BYTES } from '@/lib/data-sources/webhook/webhook-limits';
import { getDb } from '@/lib/database';
import { isAppError } from '@/lib/errors/app-error';
import { readRawBody } from '@/lib/http/read-raw-body';

const errorNames: Record<number, string> = { 400: 'invalid_callback', 401: 'bad_signature', 404: 'not_found', 409: 'not_waiting', 413: 'body_too_large' };

/**
 * A webhook source answers a job it accepted with 202 (README, "Webhook sources").
 * No session or CSRF token: the HMAC signature over the raw body is the
 * authentication, checked before the body is parsed. The source is looked up
 * before the body is read, so an unknown URL costs no upload.
 */
export async function POST(request: Request, { params }: { params: Promise<{ source: string }> }): Promise<Response> {
  try {
    const db = getDb();
    const source = await findCallbackSource(db, { sourceSlug: (await params).source });
    const rawBody = await readRawBody(request, MAX_WEBHOOK_BODY_BYTES);
    await receiveWebhookCallback(db, { source, rawBody, timestamp: request.headers.get(TIMESTAMP_HEADER), signature: request.headers.get(SIGNATURE_HEADER) });
    return Response.json({ ok: true });
  } catch (error) {
    if (!isAppError(error)) throw error;
    const status = Number(error.details.httpStatus ?? error.httpStatus);
    // Not found says nothing more: which sources exist is not the caller's business.
    const message = status === 404 ? undefined : error.message;
    return Response.json({ ok: false, error: errorNames[status] ?? 'refused', message }, { status });
  }
}
