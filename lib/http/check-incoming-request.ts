import { EVIDENCE_MAX_BYTES } from '@/lib/validation/evidence-file';
import { decodePathSegment } from './decode-path-segment';

/**
 * What the web server refuses before Next.js reads a byte of the body or routes the
 * path (scripts/web-server.ts asks this for every request):
 * - a form post or server action from another site (its Origin names another host):
 *   Next refuses those with a 500, this answers 403;
 * - a path with a %-escape that is not UTF-8 (`/verify/%ff`): Next's router throws on
 *   it (a 500), so the request is answered as a page that does not exist;
 * - a body over its limit: 64 KB for everything public (the intake API and most forms are
 *   a few kB), one document more on the two public pages that take an upload (the request
 *   form, the status page), 100 MB for signed-in staff (fulfilment uploads).
 *   Server actions share one limit in next.config.mjs (the staff one), so the public
 *   limit is enforced here, from Content-Length.
 */
export const PUBLIC_BODY_LIMIT_BYTES = 64 * 1024;
/** Staff fulfilment uploads: up to MAX_ATTACHMENT_COUNT files of MAX_ATTACHMENT_MB each, at most this much in one request. next.config.mjs says the same (a test keeps them equal). */
export const STAFF_BODY_LIMIT_BYTES = 100 * 1024 * 1024;

/**
 * The public pages whose forms carry a file: the request form (an authorised agent's signed permission)
 * and the status page (an identity document asked for). One file of EVIDENCE_MAX_BYTES plus the form's fields.
 */
export const PUBLIC_UPLOAD_BODY_LIMIT_BYTES = EVIDENCE_MAX_BYTES + PUBLIC_BODY_LIMIT_BYTES;
const PUBLIC_UPLOAD_PATHS = /^\/(?:request|status\/[^/]+)$/;

/**
 * The body limit of a public (not signed-in) post to this path. Only a multipart form (the one kind that
 * carries a file) gets the upload limit: a URL-encoded or JSON body stays within 64 KB everywhere.
 */
export function publicBodyLimitFor(path: string, contentType: string): number {
  return PUBLIC_UPLOAD_PATHS.test(path) && /^multipart\/form-data\b/i.test(contentType)
    ? PUBLIC_UPLOAD_BODY_LIMIT_BYTES
    : PUBLIC_BODY_LIMIT_BYTES;
}

/** Routes with their own, larger cap, read in the route (webhook answers up to 50 MB). */
const OWN_CAP_PATHS = /^\/api\/callbacks\//;
const STAFF_PATHS = /^\/(?:staff(?:\/|$)|api\/staff\/)/;
const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?next-auth\.session-token=/;
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export type IncomingRequest = { method?: string; url?: string; headers: Record<string, string | string[] | undefined> };
export type RequestVerdict =
  | { kind: 'pass' }
  | { kind: 'not-found' }
  | { kind: 'too-large'; limitBytes: number; isStaff: boolean }
  | { kind: 'length-required' }
  | { kind: 'foreign-origin' }
  | { kind: 'malformed-body' }
  | { kind: 'same-origin-without-origin'; origin: string };

export function hasMalformedEscape(path: string): boolean {
  return decodePathSegment(path) === null;
}

function header(request: IncomingRequest, name: string): string {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join('; ') : (value ?? '');
}

/** The body limit for this request, or null when the route caps its own body. A session cookie is only a hint here; every action still checks the session. */
export function bodyLimitFor(request: IncomingRequest): { limitBytes: number; isStaff: boolean } | null {
  const path = (request.url ?? '/').split('?')[0]!;
  if (OWN_CAP_PATHS.test(path)) return null;
  const isStaff = STAFF_PATHS.test(path) && SESSION_COOKIE.test(header(request, 'cookie'));
  return { limitBytes: isStaff ? STAFF_BODY_LIMIT_BYTES : publicBodyLimitFor(path, header(request, 'content-type')), isStaff };
}

/**
 * Next compares a server action's Origin with the Host it was sent to (X-Forwarded-Host
 * behind a proxy) and throws on a mismatch or an unparseable Origin. The API's routes
 * take requests from other systems and check their own way, so only pages are meant.
 */
function checkOrigin(request: IncomingRequest, path: string): RequestVerdict {
  const origin = header(request, 'origin');
  if (origin === '' || path.startsWith('/api/')) return { kind: 'pass' };
  const host = (header(request, 'x-forwarded-host') || header(request, 'host')).split(',')[0]!.trim();
  if (origin === 'null') {
    // With Referrer-Policy: no-referrer a browser sends `Origin: null` even for this site's own form
    // (a post without JavaScript). Sec-Fetch-Site, which no page can set, tells the two apart.
    return header(request, 'sec-fetch-site') === 'same-origin'
      ? { kind: 'same-origin-without-origin', origin: `http://${host}` }
      : { kind: 'foreign-origin' };
  }
  try {
    return new URL(origin).host === host ? { kind: 'pass' } : { kind: 'foreign-origin' };
  } catch {
    return { kind: 'foreign-origin' };
  }
}

export function checkIncomingRequest(request: IncomingRequest): RequestVerdict {
  const path = (request.url ?? '/').split('?')[0]!;
  if (hasMalformedEscape(path)) return { kind: 'not-found' };
  if (!BODY_METHODS.has((request.method ?? 'GET').toUpperCase())) return { kind: 'pass' };
  const origin = checkOrigin(request, path);
  if (origin.kind !== 'pass') return origin;
  const limit = bodyLimitFor(request);
  if (!limit) return { kind: 'pass' };
  const declared = header(request, 'content-length');
  if (declared === '') return header(request, 'transfer-encoding') ? { kind: 'length-required' } : { kind: 'pass' };
  const length = Number(declared);
  if (!Number.isSafeInteger(length) || length < 0 || length > limit.limitBytes) return { kind: 'too-large', ...limit };
  return { kind: 'pass' };
}
