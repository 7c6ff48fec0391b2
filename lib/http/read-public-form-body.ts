import { IncomingMessage } from 'node:http';
import { publicBodyLimitFor } from './check-incoming-request';

const MULTIPART = /^multipart\/form-data\b/i;
const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?next-auth\.session-token=/;

/**
 * A public page's form post with a multipart body (a server action sent without
 * JavaScript, or by a script). Next parses such a body itself and answers a malformed
 * one (a broken boundary, a truncated part) with a 500; these are small (the public
 * limit, or one document on an upload page), so the web server reads and checks them first. Staff uploads (large, behind
 * a session) and the API's routes (which read their own bodies) are left alone.
 */
export function isPublicMultipartPost(request: IncomingMessage): boolean {
  if ((request.method ?? 'GET').toUpperCase() !== 'POST') return false;
  const path = (request.url ?? '/').split('?')[0]!;
  if (path.startsWith('/api/') || path.startsWith('/_next/')) return false;
  if (path.startsWith('/staff') && SESSION_COOKIE.test(String(request.headers.cookie ?? ''))) return false;
  return MULTIPART.test(String(request.headers['content-type'] ?? ''));
}

export type PublicFormBody = { kind: 'ok'; request: IncomingMessage } | { kind: 'malformed' } | { kind: 'too-large' } | { kind: 'gone' };

/**
 * Reads the body (at most the public limit), parses it as form data with the same
 * parser Next uses for a form post without JavaScript, and hands back a request that
 * replays the body, for Next to read as if it came from the socket.
 */
export async function readPublicFormBody(request: IncomingMessage): Promise<PublicFormBody> {
  const limitBytes = publicBodyLimitFor((request.url ?? '/').split('?')[0]!, request.headers['content-type'] ?? '');
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of request) {
      size += (chunk as Buffer).length;
      if (size > limitBytes) return { kind: 'too-large' };
      chunks.push(chunk as Buffer);
    }
  } catch {
    return { kind: 'gone' };
  }
  const body = Buffer.concat(chunks);
  try {
    await new Response(body, { headers: { 'content-type': String(request.headers['content-type']) } }).formData();
  } catch {
    return { kind: 'malformed' };
  }
  return { kind: 'ok', request: replayRequest(request, body) };
}

/** The same request (method, URL, headers, socket), its body read again from memory. */
function replayRequest(original: IncomingMessage, body: Buffer): IncomingMessage {
  const replay = new IncomingMessage(original.socket);
  replay.method = original.method;
  replay.url = original.url;
  replay.headers = original.headers;
  replay.rawHeaders = original.rawHeaders;
  replay.httpVersion = original.httpVersion;
  replay.httpVersionMajor = original.httpVersionMajor;
  replay.httpVersionMinor = original.httpVersionMinor;
  replay.push(body);
  replay.push(null);
  replay.complete = true;
  return replay;
}
