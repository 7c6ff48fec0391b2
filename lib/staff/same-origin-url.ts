/**
 * The URL to land on after signing in: `value` if it is a path or a URL on the
 * app's own origin, otherwise `fallbackPath`. Never throws on a malformed value.
 */
export function sameOriginUrl(value: string | undefined, appUrl: string, fallbackPath = '/staff'): string {
  const origin = new URL(appUrl).origin;
  if (value) {
    try {
      const url = new URL(value, origin);
      if (url.origin === origin) return `${origin}${url.pathname}${url.search}`;
    } catch {
      // A malformed callbackUrl is not an error of the sign-in: the default place is used.
    }
  }
  return `${origin}${fallbackPath}`;
}
