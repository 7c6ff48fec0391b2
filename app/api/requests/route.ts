import { z } from 'zod';
import { getDb, isDatabaseUnavailable } from '@/lib/database';
import { isAppError } from '@/lib/errors/app-error';
import { readJsonBody } from '@/lib/http/read-json-body';
import { submitRequest } from '@/lib/requests/submit-request';
import { clientIpFrom } from '@/lib/security/client-ip';
import { ZSubmitRequest } from '@/lib/validation/submit-request';

const MAX_BODY_BYTES = 16 * 1024;

/**
 * Programmatic intake: the same schema and use case as the web form. The answer
 * is 202 whether the request is new or merged into an open one (no enumeration);
 * the requester still has to confirm by email.
 */
export async function POST(request: Request): Promise<Response> {
  try {
    const body = await readJsonBody(request, MAX_BODY_BYTES);
    const parsed = ZSubmitRequest.safeParse(body);
    if (!parsed.success) {
      const { formErrors, fieldErrors } = z.flattenError(parsed.error);
      return Response.json({ error: 'validation_failed', message: 'Some fields are missing or invalid.', formErrors, fieldErrors }, { status: 400 });
    }
    await submitRequest(getDb(), { input: parsed.data, channel: 'api', ip: clientIpFrom(request.headers) });
    return Response.json(
      { status: 'accepted', message: 'If the address is valid, we have emailed it a link to confirm the request.' },
      { status: 202 },
    );
  } catch (error) {
    if (isAppError(error, 'RATE_LIMITED')) {
      return Response.json({ error: 'rate_limited', message: error.message }, { status: 429, headers: { 'Retry-After': String(error.details.retryAfterSeconds ?? 3600) } });
    }
    if (isAppError(error, 'VALIDATION')) {
      const status = Number(error.details.httpStatus ?? 400);
      return Response.json({ error: status === 413 ? 'body_too_large' : status === 415 ? 'unsupported_media_type' : 'invalid_json', message: error.message }, { status });
    }
    // The database went away mid-request (the web process answers 503 itself once its probe notices).
    if (isDatabaseUnavailable(error)) {
      return Response.json({ error: 'unavailable', message: 'We cannot reach our database right now. Please try again in a minute.' }, { status: 503, headers: { 'Retry-After': '15' } });
    }
    throw error;
  }
}
