import { getDb } from '@/lib/database';
import { getStoredBranding } from '@/lib/settings/get-branding';

/** The organisation's logo, for public pages and emails; its URL carries a version, so it may be cached. */
export async function GET(): Promise<Response> {
  const { logo } = await getStoredBranding(getDb());
  if (!logo) return new Response('No logo', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  return new Response(Buffer.from(logo.base64, 'base64'), {
    headers: {
      'Content-Type': logo.contentType,
      'Cache-Control': 'public, max-age=86400',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'",
    },
  });
}
