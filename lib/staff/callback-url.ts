import { decodePathSegment } from '@/lib/http/decode-path-segment';

/**
 * Where next-auth may send someone after signing in or out: a page of this site,
 * never another origin. next-auth 4 throws `Invalid URL` (a 500) on a callback URL
 * it cannot parse, whether it came in the sign-in POST, the query or its
 * `next-auth.callback-url` cookie, and a lookalike such as
 * `http://localhost:3000.evil.example/` is exactly such a URL.
 */
const DEFAULT_PATH = '/staff';
const CALLBACK_COOKIE = /^(?:__Secure-)?next-auth\.callback-url$/;

/** The same-origin absolute URL for `url` (absolute or a path), or the queue when it is foreign or unparseable. */
export function sameOriginCallbackUrl(url: unknown, baseUrl: string): string {
  const base = new URL(baseUrl);
  if (typeof url === 'string') {
    try {
      const target = new URL(url, base);
      if (target.origin === base.origin) return target.href;
    } catch {
      // Not a URL at all: fall back to the queue.
    }
  }
  return new URL(DEFAULT_PATH, base).href;
}

function isSameOrigin(url: string, baseUrl: string): boolean {
  try {
    return new URL(url, baseUrl).origin === new URL(baseUrl).origin;
  } catch {
    return false;
  }
}

/**
 * next-auth reads its query and cookies before any callback of ours runs, so a bad
 * callbackUrl there is repaired first: the same URL again (307 keeps a POST's body),
 * with the callbackUrl parameter and cookie made same-origin. Null when nothing needs it.
 */
export function repairAuthCallbackUrls(request: Request, baseUrl: string): Response | null {
  const url = new URL(request.url);
  const headers = new Headers({ 'Cache-Control': 'no-store' });
  let isRepaired = false;

  const param = url.searchParams.get('callbackUrl');
  if (param !== null && !isSameOrigin(param, baseUrl)) {
    url.searchParams.set('callbackUrl', sameOriginCallbackUrl(param, baseUrl));
    isRepaired = true;
  }
  for (const pair of (request.headers.get('cookie') ?? '').split(';')) {
    const [name = '', ...rest] = pair.trim().split('=');
    if (!CALLBACK_COOKIE.test(name)) continue;
    const value = decodePathSegment(rest.join('='));
    if (value !== null && isSameOrigin(value, baseUrl)) continue;
    const repaired = sameOriginCallbackUrl(value, baseUrl);
    const secure = name.startsWith('__Secure-') ? '; Secure' : '';
    headers.append('Set-Cookie', `${name}=${encodeURIComponent(repaired)}; Path=/; HttpOnly; SameSite=Lax${secure}`);
    isRepaired = true;
  }
  if (!isRepaired) return null;
  // Relative to this site: the request's own host may differ from APP_URL behind a proxy.
  headers.set('Location', `${url.pathname}${url.search}`);
  return new Response(null, { status: 307, headers });
}
