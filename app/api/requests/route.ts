import { z } from 'zod';
import { getDb, isDatabaseUnavailable } from '@/lib/database';
import { AppError, isAppError } from '@/lib/errors/app-error';
import { problemJson, problemKinds, problemResponse, problemType } from '@/lib/http/problem-response';
import { readJsonBody } from '@/lib/http/read-json-body';
import { negotiateLocale } from '@/lib/i18n/negotiate-locale';
import { submitRequest } from '@/lib/requests/submit-request';
import { clientIpFrom } from '@/lib/security/client-ip';
import { hasGpcSignal } from '@/lib/security/global-privacy-control';
import { ZSubmitRequest } from '@/lib/validation/submit-request';

const MAX_BODY_BYTES = 16 * 1024;

/**
 * Programmatic intake: the same schema and use case as the web form. The answer
 * is 202 whether the request is new or merged into an open one (no enumeration);
 * the requester still has to confirm by email. Refusals are problem details.
 */
export async function POST(request: Request): Promise<Response> {
  try {
    const body = await readJsonBody(request, MAX_BODY_BYTES);
    const parsed = ZSubmitRequest.safeParse(body);
    if (!parsed.success) throw new AppError('VALIDATION', 'Some fields are missing or invalid.', z.flattenError(parsed.error));
    await submitRequest(getDb(), {
      input: parsed.data,
      channel: 'api',
      ip: clientIpFrom(request.headers),
      gpcSignal: hasGpcSignal(request.headers),
      // Without a `language` in the body, the client's Accept-Language chooses it.
      language: negotiateLocale(request.headers.get('accept-language')),
      signal: request.signal,
    });
    return Response.json(
      { status: 'accepted', message: 'If the address is valid, we have emailed it a link to confirm the request.' },
      { status: 202 },
    );
  } catch (error) {
    if (isAppError(error)) return problemResponse(error);
    // The client left before we committed: nothing was filed, and nobody reads this answer.
    if (request.signal.aborted) return new Response(null, { status: 499 });
    // The database went away mid-request (the web process answers 503 itself once its probe notices).
    if (isDatabaseUnavailable(error)) {
      return problemJson(
        {
          type: problemType('UNAVAILABLE'),
          title: problemKinds.UNAVAILABLE.title,
          status: 503,
          detail: 'We cannot reach our database right now. Please try again in a minute.',
        },
        { 'Retry-After': '15' },
      );
    }
    throw error;
  }
}
