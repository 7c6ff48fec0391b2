import { describe, expect, it } from 'vitest';
import { repairAuthCallbackUrls, sameOriginCallbackUrl } from './callback-url';

const base = 'http://localhost:3000';

describe('sameOriginCallbackUrl', () => {
  it.each([
    ['/staff/requests/DSR-2026-000001', 'http://localhost:3000/staff/requests/DSR-2026-000001'],
    ['http://localhost:3000/staff/team', 'http://localhost:3000/staff/team'],
    ['http://localhost:3000.evil.example/', 'http://localhost:3000/staff'],
    ['https://evil.example/staff', 'http://localhost:3000/staff'],
    ['//evil.example/x', 'http://localhost:3000/staff'],
    ['/\\evil.example/x', 'http://localhost:3000/staff'],
    ['javascript:alert(1)', 'http://localhost:3000/staff'],
    ['http://[', 'http://localhost:3000/staff'],
    [undefined, 'http://localhost:3000/staff'],
  ])('%s → %s', (url, expected) => {
    expect(sameOriginCallbackUrl(url, base)).toBe(expected);
  });
});

describe('repairAuthCallbackUrls', () => {
  it('leaves a request with same-origin callback URLs (or none) to next-auth', () => {
    expect(
      repairAuthCallbackUrls(
        new Request(`${base}/api/auth/signin?callbackUrl=%2Fstaff`, {
          headers: { cookie: 'next-auth.callback-url=http%3A%2F%2Flocalhost%3A3000%2Fstaff; other=1' },
        }),
        base,
      ),
    ).toBeNull();
    expect(repairAuthCallbackUrls(new Request(`${base}/api/auth/session`), base)).toBeNull();
  });

  it('sends the same request again with a foreign or unparseable cookie replaced, keeping a POST a POST (307)', () => {
    const response = repairAuthCallbackUrls(
      new Request(`${base}/api/auth/signin/email`, {
        method: 'POST',
        headers: {
          cookie: 'a=1; next-auth.callback-url=http%3A%2F%2Flocalhost%3A3000.evil.example%2F; __Secure-next-auth.callback-url=%ff',
        },
      }),
      base,
    );
    expect(response?.status).toBe(307);
    expect(response?.headers.get('location')).toBe('/api/auth/signin/email');
    expect(response?.headers.getSetCookie()).toEqual([
      'next-auth.callback-url=http%3A%2F%2Flocalhost%3A3000%2Fstaff; Path=/; HttpOnly; SameSite=Lax',
      '__Secure-next-auth.callback-url=http%3A%2F%2Flocalhost%3A3000%2Fstaff; Path=/; HttpOnly; SameSite=Lax; Secure',
    ]);
  });

  it('replaces a foreign callbackUrl parameter with the queue', () => {
    const response = repairAuthCallbackUrls(new Request(`${base}/api/auth/signin?callbackUrl=${encodeURIComponent('http://[')}&x=1`), base);
    expect(response?.headers.get('location')).toBe('/api/auth/signin?callbackUrl=http%3A%2F%2Flocalhost%3A3000%2Fstaff&x=1');
  });
});
