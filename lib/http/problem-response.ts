import { z } from 'zod';
import { type AppErrorCode, isAppError } from '@/lib/errors/app-error';

/**
 * RFC 9457 problem details: the one JSON shape every API error has. `type` is a relative
 * URI naming the kind of problem (it resolves to its explanation on /api/v1/docs);
 * `fieldErrors` (an extension member) names each invalid field with its messages.
 */
export const ZProblemDetails = z
  .object({
    type: z.string().describe('Which kind of problem, as a URI reference: /api/v1/docs#problem-<kind>'),
    title: z.string().describe('The kind of problem, the same for every occurrence'),
    status: z.number().int().describe('The HTTP status code'),
    detail: z.string().describe('What went wrong this time, for a person to read'),
    fieldErrors: z.record(z.string(), z.array(z.string())).optional().describe('Invalid fields by name, with their messages'),
    formErrors: z.array(z.string()).optional().describe('Problems with the body as a whole'),
  })
  .meta({ id: 'ProblemDetails' });
export type ProblemDetails = z.infer<typeof ZProblemDetails>;

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Each AppError code as a problem kind: its slug (in `type`) and its title. */
export const problemKinds: Record<AppErrorCode | 'INTERNAL', { slug: string; title: string }> = {
  VALIDATION: { slug: 'validation', title: 'The request is not valid' },
  RATE_LIMITED: { slug: 'rate-limited', title: 'Too many requests' },
  UNAUTHENTICATED: { slug: 'unauthenticated', title: 'Not authenticated' },
  FORBIDDEN: { slug: 'forbidden', title: 'Not allowed' },
  NOT_FOUND: { slug: 'not-found', title: 'Not found' },
  TOKEN_INVALID: { slug: 'token-invalid', title: 'The link is no longer valid' },
  INVALID_TRANSITION: { slug: 'invalid-transition', title: 'Not possible in the request’s current state' },
  CONFLICT: { slug: 'conflict', title: 'The record changed since it was read' },
  INTERNAL: { slug: 'internal', title: 'Something went wrong on our side' },
};

export function problemType(code: keyof typeof problemKinds): string {
  return `/api/v1/docs#problem-${problemKinds[code].slug}`;
}

export function problemJson(problem: ProblemDetails, headers: HeadersInit = {}): Response {
  return Response.json(problem, { status: problem.status, headers: { ...Object.fromEntries(new Headers(headers)), 'content-type': PROBLEM_CONTENT_TYPE } });
}

/** A zod failure on input, with each field's messages. */
export function validationProblem(error: z.ZodError, detail = 'Some fields are missing or invalid.'): Response {
  const { formErrors, fieldErrors } = z.flattenError(error);
  return problemJson({ type: problemType('VALIDATION'), title: problemKinds.VALIDATION.title, status: 400, detail, fieldErrors: fieldErrors as Record<string, string[]>, formErrors });
}

/**
 * The one mapping from an error to an HTTP answer for JSON routes. An AppError becomes
 * its problem (a field a use case names becomes a field error); anything else is a bug:
 * logged, and answered with a 500 that says nothing about the internals.
 */
export function problemResponse(error: unknown): Response {
  if (!isAppError(error)) {
    console.error(error);
    return problemJson({ type: problemType('INTERNAL'), title: problemKinds.INTERNAL.title, status: 500, detail: 'The error was logged. Try again later.' });
  }
  // A body refused before parsing (too large, wrong media type) carries its own status.
  const status = typeof error.details.httpStatus === 'number' ? error.details.httpStatus : error.httpStatus;
  const field = typeof error.details.field === 'string' ? error.details.field : null;
  const fieldErrors = (error.details.fieldErrors as Record<string, string[]> | undefined) ?? (field ? { [field]: [error.message] } : undefined);
  const headers: Record<string, string> = {};
  if (error.code === 'RATE_LIMITED') headers['retry-after'] = String(error.details.retryAfterSeconds ?? 3600);
  if (error.code === 'UNAUTHENTICATED') headers['www-authenticate'] = 'Bearer realm="dsr-desk"';
  return problemJson(
    { type: problemType(error.code), title: problemKinds[error.code].title, status, detail: error.message, ...(fieldErrors ? { fieldErrors } : {}) },
    headers,
  );
}
