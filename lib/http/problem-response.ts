import { type AppError, type AppErrorCode, appErrorCodes } from '@/lib/errors/app-error';

/**
 * The one place an AppError becomes an HTTP response. JSON routes answer with
 * RFC 9457 problem details (https://www.rfc-editor.org/rfc/rfc9457):
 * `{ type: "about:blank", title, status, detail, code, fieldErrors?, formErrors? }`
 * as application/problem+json. `code` is the AppError code, so a client can tell
 * a CONFLICT from an INVALID_TRANSITION (both 409). Download routes a person opens
 * in a browser pass `{ as: 'text' }` and get the same status with the message as
 * plain text. The status comes only from the AppError's code.
 */
export function problemResponse(error: AppError, { as = 'problem', headers = {} }: { as?: 'problem' | 'text'; headers?: HeadersInit } = {}): Response {
  const status = error.httpStatus;
  const responseHeaders = new Headers(headers);
  responseHeaders.set('Cache-Control', 'no-store');
  const retryAfterSeconds = error.details.retryAfterSeconds;
  if (typeof retryAfterSeconds === 'number') responseHeaders.set('Retry-After', String(retryAfterSeconds));

  if (as === 'text') {
    responseHeaders.set('Content-Type', 'text/plain; charset=utf-8');
    return new Response(error.message, { status, headers: responseHeaders });
  }
  responseHeaders.set('Content-Type', 'application/problem+json');
  const { fieldErrors, formErrors } = error.details;
  const problem: ProblemDetails = {
    type: 'about:blank',
    title: statusTitles[appErrorCodes[error.code]],
    status,
    detail: error.message,
    code: error.code,
    ...(fieldErrors ? { fieldErrors: fieldErrors as Record<string, string[]> } : {}),
    ...(formErrors ? { formErrors: formErrors as string[] } : {}),
  };
  return new Response(JSON.stringify(problem), { status, headers: responseHeaders });
}

export type ProblemDetails = {
  type: 'about:blank';
  title: string;
  status: number;
  detail: string;
  code: AppErrorCode;
  fieldErrors?: Record<string, string[]>;
  formErrors?: string[];
};

/** With type "about:blank" the title is the status's reason phrase (RFC 9457 §4.2.1). */
const statusTitles: Record<(typeof appErrorCodes)[AppErrorCode], string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  410: 'Gone',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
};
