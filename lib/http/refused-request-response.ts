import type { RequestVerdict } from './check-incoming-request';
import { problemType } from './problem-response';

type Refusal = Extract<RequestVerdict, { kind: 'too-large' | 'length-required' | 'foreign-origin' | 'malformed-body' }>;
export type RefusedResponse = { status: number; headers: Record<string, string>; body: string };

const megabytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;
const kilobytes = (bytes: number) => `${Math.round(bytes / 1024)} KB`;

function explain(verdict: Refusal): { title: string; message: string } {
  if (verdict.kind === 'foreign-origin')
    return {
      title: 'Send the form from this site',
      message: 'This form was sent from another website, so nothing was done. Open the page on this site and send it from there.',
    };
  if (verdict.kind === 'malformed-body')
    return {
      title: 'The form could not be read',
      message: 'What was sent is not a form this site can read, so nothing was saved. Go back, reload the page and send the form again.',
    };
  if (verdict.kind === 'length-required')
    return { title: 'Send the length of the body', message: 'This server needs a Content-Length header on requests with a body.' };
  if (verdict.isStaff) {
    return {
      title: 'The files are too large to send',
      message: `One form can send at most ${megabytes(verdict.limitBytes)} in all. Go back and attach fewer or smaller files.`,
    };
  }
  return {
    title: 'That is too much to send',
    message: `A form here can send at most ${kilobytes(verdict.limitBytes)}; yours was larger, so nothing was saved. Go back, shorten the longest field (details are at most 2,000 characters) and send it again.`,
  };
}

/** The problem kind of each refusal, as every other JSON error names it (lib/http/problem-response.ts). */
const problemCodes = {
  'length-required': 'VALIDATION',
  'foreign-origin': 'FORBIDDEN',
  'too-large': 'PAYLOAD_TOO_LARGE',
  'malformed-body': 'VALIDATION',
} as const;

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

/**
 * The answer to a request refused before the app saw it: JSON problem details for the
 * API, a small page for a browser. Written without the app (no layout, no script), so
 * it costs nothing however many arrive; the connection closes instead of reading the rest.
 */
export function refusedRequestResponse(verdict: Refusal, { path }: { path: string }): RefusedResponse {
  const status = { 'length-required': 411, 'foreign-origin': 403, 'too-large': 413, 'malformed-body': 400 }[verdict.kind];
  const { title, message } = explain(verdict);
  const common = { Connection: 'close', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };
  if (path.startsWith('/api/')) {
    return {
      status,
      headers: { ...common, 'Content-Type': 'application/problem+json' },
      body: JSON.stringify({
        type: problemType(problemCodes[verdict.kind]),
        title,
        status,
        detail: message,
        code: problemCodes[verdict.kind],
      }),
    };
  }
  const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head><body style="font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5"><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p><p><a href="/">Back to the start page</a></p></body></html>`;
  return {
    status,
    headers: {
      ...common,
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
    },
    body,
  };
}
