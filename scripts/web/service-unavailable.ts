import type { IncomingMessage, ServerResponse } from 'node:http';
import { PROBLEM_CONTENT_TYPE, problemKinds, problemType } from '@/lib/http/problem-response';

const RETRY_AFTER_SECONDS = { database: 15, overloaded: 5 } as const;
const MESSAGES = {
  database: 'We cannot reach our database right now. Nothing you sent was lost; please try again in a minute.',
  overloaded: 'We are handling more requests than we can right now. Please try again in a few seconds.',
} as const;

export type UnavailableReason = keyof typeof MESSAGES;

const PROBLEM_CODES = { database: 'UNAVAILABLE', overloaded: 'OVERLOADED' } as const;

/**
 * The one 503 of the web process, answered before Next.js runs: problem details for API
 * clients (the shape of every JSON error, lib/http/problem-response.ts), a small
 * self-contained page for browsers. Both say
 * when to retry; neither runs any application code or touches the database.
 */
export function serviceUnavailable(request: IncomingMessage, response: ServerResponse, reason: UnavailableReason): void {
  if (response.headersSent || response.destroyed) return;
  const headers = { 'retry-after': String(RETRY_AFTER_SECONDS[reason]), 'cache-control': 'no-store' };
  const wantsJson = (request.url ?? '').startsWith('/api/') || !(request.headers.accept ?? '').includes('text/html');
  if (wantsJson) {
    const code = PROBLEM_CODES[reason];
    response.writeHead(503, { ...headers, 'content-type': PROBLEM_CONTENT_TYPE });
    response.end(JSON.stringify({ type: problemType(code), title: problemKinds[code].title, status: 503, detail: MESSAGES[reason], code }));
    return;
  }
  response.writeHead(503, { ...headers, 'content-type': 'text/html; charset=utf-8' });
  response.end(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${RETRY_AFTER_SECONDS[reason]}"><title>Temporarily unavailable</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#1f2933;line-height:1.5}</style></head>
<body><h1>Temporarily unavailable</h1><p>${MESSAGES[reason]}</p><p>This page tries again by itself.</p></body></html>
`);
}
