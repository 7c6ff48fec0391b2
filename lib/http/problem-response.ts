import { z } from 'zod';
import { type AppError, type AppErrorCode, isAppError } from '@/lib/errors/app-error';

/**
 * RFC 9457 problem details: the one JSON shape every API error has. `type` is a relative
 * URI naming the kind of problem (it resolves to its explanation on /api/v1/docs); `code`
 * is the AppError code, so a client can tell a CONFLICT from an INVALID_TRANSITION (both
 * 409); `fieldErrors` (an extension member) names each invalid field with its messages.
 */
export const ZProblemDetails = z
  .object({
    type: z.string().describe('Which kind of problem, as a URI reference: /api/v1/docs#problem-<kind>'),
    title: z.string().describe('The kind of problem, the same for every occurrence'),
    status: z.number().int().describe('The HTTP status code'),
    detail: z.string().describe('What went wrong this time, for a person to read'),
    code: z.string().optional().describe('The error code (VALIDATION, CONFLICT, INVALID_TRANSITION, …)'),
    fieldErrors: z.record(z.string(), z.array(z.string())).optional().describe('Invalid fields by name, with their messages'),
    formErrors: z.array(z.string()).optional().describe('Problems with the body as a whole'),
  })
  .meta({ id: 'ProblemDetails' });
export type ProblemDetails = z.infer<typeof ZProblemDetails>;

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Each AppError code as a problem kind: its slug (in `type`) and its title. */
export const problemKinds: Record<AppErrorCode | 'INTERNAL' | 'UNAVAILABLE' | 'OVERLOADED', { slug: string; title: string }> = {
  VALIDATION: { slug: 'validation', title: 'The request is not valid' },
  RATE_LIMITED: { slug: 'rate-limited', title: 'Too many requests' },
  UNAUTHENTICATED: { slug: 'unauthenticated', title: 'Not authenticated' },
  FORBIDDEN: { slug: 'forbidden', title: 'Not allowed' },
  NOT_FOUND: { slug: 'not-found', title: 'Not found' },
  TOKEN_INVALID: { slug: 'token-invalid', title: 'The link is no longer valid' },
  INVALID_TRANSITION: { slug: 'invalid-transition', title: 'Not possible in the request’s current state' },
  CONFLICT: { slug: 'conflict', title: 'The record changed since it was read' },
  UNPROCESSABLE: { slug: 'unprocessable', title: 'The request contradicts an earlier one' },
  PAYLOAD_TOO_LARGE: { slug: 'payload-too-large', title: 'The body is too large' },
  UNSUPPORTED_MEDIA_TYPE: { slug: 'unsupported-media-type', title: 'The body’s media type is not accepted' },
  INTERNAL: { slug: 'internal', title: 'Something went wrong on our side' },
  UNAVAILABLE: { slug: 'unavailable', title: 'Temporarily unavailable' },
  OVERLOADED: { slug: 'overloaded', title: 'Too busy right now' },
};

export function problemType(code: keyof typeof problemKinds): string {
  return `/api/v1/docs#problem-${problemKinds[code].slug}`;
}

export function problemJson(problem: ProblemDetails, headers: HeadersInit = {}): Response {
  const responseHeaders = new Headers(headers);
  responseHeaders.set('Cache-Control', 'no-store');
  responseHeaders.set('Content-Type', PROBLEM_CONTENT_TYPE);
  return new Response(JSON.stringify(problem), { status: problem.status, headers: responseHeaders });
}

/** A zod failure on input, with each field's messages. */
export function validationProblem(error: z.ZodError, detail = 'Some fields are missing or invalid.'): Response {
  const { formErrors, fieldErrors } = z.flattenError(error);
  return problemJson({
    type: problemType('VALIDATION'),
    title: problemKinds.VALIDATION.title,
    status: 400,
    detail,
    code: 'VALIDATION',
    fieldErrors: fieldErrors as Record<string, string[]>,
    formErrors,
  });
}

/**
 * The one mapping from an error to an HTTP answer. An AppError becomes its problem (a
 * field a use case names becomes a field error), with `Retry-After` when it carries one;
 * anything else is a bug: logged, and answered with a 500 that says nothing about the
 * internals. Download routes a person opens in a browser pass `{ as: 'text' }` and get the
 * same status with the message as plain text. The status comes only from the AppError's code.
 */
export function problemResponse(
  error: unknown,
  { as = 'problem', headers = {} }: { as?: 'problem' | 'text'; headers?: HeadersInit } = {},
): Response {
  if (!isAppError(error)) {
    console.error(error);
    return problemJson({
      type: problemType('INTERNAL'),
      title: problemKinds.INTERNAL.title,
      status: 500,
      detail: 'The error was logged. Try again later.',
    });
  }
  const responseHeaders = new Headers(headers);
  const retryAfterSeconds = error.details.retryAfterSeconds;
  if (typeof retryAfterSeconds === 'number') responseHeaders.set('Retry-After', String(retryAfterSeconds));
  else if (error.code === 'RATE_LIMITED') responseHeaders.set('Retry-After', '3600');
  if (error.code === 'UNAUTHENTICATED') responseHeaders.set('WWW-Authenticate', 'Bearer realm="dsr-desk"');
  if (as === 'text') {
    responseHeaders.set('Cache-Control', 'no-store');
    responseHeaders.set('Content-Type', 'text/plain; charset=utf-8');
    return new Response(error.message, { status: error.httpStatus, headers: responseHeaders });
  }
  return problemJson(toProblem(error), responseHeaders);
}

function toProblem(error: AppError): ProblemDetails {
  const field = typeof error.details.field === 'string' ? error.details.field : null;
  const fieldErrors =
    (error.details.fieldErrors as Record<string, string[]> | undefined) ?? (field ? { [field]: [error.message] } : undefined);
  const formErrors = error.details.formErrors as string[] | undefined;
  return {
    type: problemType(error.code),
    title: problemKinds[error.code].title,
    status: error.httpStatus,
    detail: error.message,
    code: error.code,
    ...(fieldErrors ? { fieldErrors } : {}),
    ...(formErrors ? { formErrors } : {}),
  };
}
