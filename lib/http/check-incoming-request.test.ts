import type { NextConfig } from 'next';
import { describe, expect, it } from 'vitest';
import {
  checkIncomingRequest,
  PUBLIC_BODY_LIMIT_BYTES,
  PUBLIC_UPLOAD_BODY_LIMIT_BYTES,
  STAFF_BODY_LIMIT_BYTES,
} from './check-incoming-request';

const post = (url: string, headers: Record<string, string>) => checkIncomingRequest({ method: 'POST', url, headers });
const session = { cookie: 'theme=dark; next-auth.session-token=abc' };

describe('what the web server refuses before Next.js reads the request', () => {
  it.each(['/verify/%ff', '/status/%ff', '/staff/requests/%ff', '/api/reports/%e2%82', '/status/abc/files/%'])(
    '%s: a malformed %%-escape is a page that does not exist',
    (url) => {
      expect(checkIncomingRequest({ method: 'GET', url, headers: {} })).toEqual({ kind: 'not-found' });
    },
  );

  it('lets well-formed escapes and malformed ones in the query through (the query is parsed leniently)', () => {
    expect(checkIncomingRequest({ method: 'GET', url: '/staff/requests/DSR%2D2026%2D000001?q=%ff', headers: {} })).toEqual({
      kind: 'pass',
    });
  });

  it('caps public bodies at 64 KB, and multipart forms on the two public upload pages at one 10 MB document more', () => {
    const multipart = { 'content-type': 'multipart/form-data; boundary=----x' };
    expect(post('/find-request', { 'content-length': String(PUBLIC_BODY_LIMIT_BYTES) })).toEqual({ kind: 'pass' });
    expect(post('/find-request', { 'content-length': String(PUBLIC_BODY_LIMIT_BYTES + 1) })).toEqual({
      kind: 'too-large',
      limitBytes: PUBLIC_BODY_LIMIT_BYTES,
      isStaff: false,
    });
    // An agent's signed permission on the request form; an identity document on the status page.
    expect(post('/request', { ...multipart, 'content-length': String(PUBLIC_UPLOAD_BODY_LIMIT_BYTES) })).toEqual({ kind: 'pass' });
    expect(post('/status/abc', { ...multipart, 'content-length': String(9 * 1024 * 1024) })).toEqual({ kind: 'pass' });
    // A URL-encoded or JSON body carries no file: the same 64 KB as everywhere.
    for (const contentType of ['application/x-www-form-urlencoded', 'application/json'])
      expect(post('/request', { 'content-type': contentType, 'content-length': String(PUBLIC_BODY_LIMIT_BYTES + 1) })).toEqual({
        kind: 'too-large',
        limitBytes: PUBLIC_BODY_LIMIT_BYTES,
        isStaff: false,
      });
    expect(post('/request', { ...multipart, 'content-length': String(PUBLIC_UPLOAD_BODY_LIMIT_BYTES + 1) })).toEqual({
      kind: 'too-large',
      limitBytes: PUBLIC_UPLOAD_BODY_LIMIT_BYTES,
      isStaff: false,
    });
    expect(post('/status/abc/files/x', { 'content-length': String(PUBLIC_BODY_LIMIT_BYTES + 1) })).toMatchObject({ kind: 'too-large' });
    expect(post('/api/requests', { 'content-length': '10485760' })).toMatchObject({
      kind: 'too-large',
      limitBytes: PUBLIC_BODY_LIMIT_BYTES,
    });
    expect(post('/status/x', { 'content-length': 'lots' })).toMatchObject({ kind: 'too-large' });
  });

  it('allows signed-in staff 100 MB (uploads), and staff paths without a session only the public limit', () => {
    expect(post('/staff/requests/DSR-2026-000001', { ...session, 'content-length': String(30 * 1024 * 1024) })).toEqual({ kind: 'pass' });
    expect(post('/staff/requests/DSR-2026-000001', { ...session, 'content-length': String(STAFF_BODY_LIMIT_BYTES + 1) })).toEqual({
      kind: 'too-large',
      limitBytes: STAFF_BODY_LIMIT_BYTES,
      isStaff: true,
    });
    expect(post('/staff/requests/DSR-2026-000001', { 'content-length': String(30 * 1024 * 1024) })).toMatchObject({
      kind: 'too-large',
      limitBytes: PUBLIC_BODY_LIMIT_BYTES,
    });
  });

  it('leaves webhook callbacks to their own cap and asks a chunked public body for its length', () => {
    expect(post('/api/callbacks/crm', { 'content-length': String(40 * 1024 * 1024) })).toEqual({ kind: 'pass' });
    expect(post('/request', { 'transfer-encoding': 'chunked' })).toEqual({ kind: 'length-required' });
  });

  it('refuses a form post or server action from another site (Origin names another host) with 403, and lets the API decide for itself', () => {
    const from = (origin: string, url = '/request') => post(url, { origin, host: '127.0.0.1:3000', 'content-length': '100' });
    expect(from('https://evil.example')).toEqual({ kind: 'foreign-origin' });
    expect(from('not a url')).toEqual({ kind: 'foreign-origin' });
    expect(from('http://127.0.0.1:3000')).toEqual({ kind: 'pass' });
    expect(from('null')).toEqual({ kind: 'foreign-origin' });
    expect(post('/request', { origin: 'null', 'sec-fetch-site': 'cross-site', host: '127.0.0.1:3000', 'content-length': '1' })).toEqual({
      kind: 'foreign-origin',
    });
    // This site's own form without JavaScript: Referrer-Policy no-referrer makes the browser send Origin: null.
    expect(post('/request', { origin: 'null', 'sec-fetch-site': 'same-origin', host: '127.0.0.1:3000', 'content-length': '1' })).toEqual({
      kind: 'same-origin-without-origin',
      origin: 'http://127.0.0.1:3000',
    });
    expect(from('https://evil.example', '/api/requests')).toEqual({ kind: 'pass' });
    expect(
      post('/request', {
        origin: 'https://dsr.example.com',
        host: '127.0.0.1:3000',
        'x-forwarded-host': 'dsr.example.com',
        'content-length': '1',
      }),
    ).toEqual({ kind: 'pass' });
  });

  it('uses the same staff limit as the server actions and the proxy in next.config.mjs', async () => {
    const nextConfig = ((await import(new URL('../../next.config.mjs', import.meta.url).href)) as { default: NextConfig }).default;
    const megabytes = `${STAFF_BODY_LIMIT_BYTES / (1024 * 1024)}mb`;
    expect(nextConfig.experimental?.serverActions?.bodySizeLimit).toBe(megabytes);
    expect(nextConfig.experimental?.proxyClientMaxBodySize).toBe(megabytes);
  });
});
