import { findCallbackSource } from '@/lib/data-sources/webhook/find-callback-source';
import { checkCallbackHeaders, readVerifiedCallbackBody } from '@/lib/data-sources/webhook/read-verified-callback-body';
import { receiveWebhookCallback } from '@/lib/data-sources/webhook/receive-webhook-callback';
import { getDb } from '@/lib/database';
import { isAppError } from '@/lib/errors/app-error';

const errorNames: Record<number, string> = {
  400: 'invalid_callback',
  401: 'bad_signature',
  404: 'not_found',
  409: 'not_waiting',
  413: 'body_too_large',
  415: 'unsupported_media_type',
};

/**
 * A webhook source answers a job it accepted with 202 (README, "Webhook sources").
 * No session or CSRF token: the HMAC signature over the raw body is the
 * authentication. Cheapest refusals first: the Content-Type, the signature
 * headers and the declared length before anything is looked up or read; the
 * source before the body, so an unknown URL costs no upload; and the body is
 * hashed as it streams, held in memory only up to a small cap until the
 * signature matches, and parsed only after.
 */
export async function POST(request: Request, { params }: { params: Promise<{ source: string }> }): Promise<Response> {
  try {
    const headers = checkCallbackHeaders(request.headers);
    const db = getDb();
    const source = await findCallbackSource(db, { sourceSlug: (await params).source });
    const rawBody = await readVerifiedCallbackBody(request.body, { source, headers });
    await receiveWebhookCallback(db, { source, rawBody, timestamp: headers.timestamp, signature: headers.signature });
    return Response.json({ ok: true });
  } catch (error) {
    if (!isAppError(error)) throw error;
    // Whatever was refused before the body was read, the sender may stop sending it.
    await request.body?.cancel().catch(() => undefined);
    const status = Number(error.details.httpStatus ?? error.httpStatus);
    // Not found says nothing more: which sources exist is not the caller's business.
    const message = status === 404 ? undefined : error.message;
    return Response.json({ ok: false, error: errorNames[status] ?? 'refused', message }, { status });
  }
}
