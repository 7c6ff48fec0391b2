import { describe, expect, it } from 'vitest';
import { ZProblemDetails } from './problem-response';
import { refusedRequestResponse } from './refused-request-response';

describe('a request refused before Next.js reads it', () => {
  it.each([
    { verdict: { kind: 'too-large', limitBytes: 64 * 1024, isStaff: false } as const, status: 413, code: 'PAYLOAD_TOO_LARGE' },
    { verdict: { kind: 'foreign-origin' } as const, status: 403, code: 'FORBIDDEN' },
    { verdict: { kind: 'length-required' } as const, status: 411, code: 'VALIDATION' },
  ])('answers the API with the same problem details as every other JSON error ($code, $status)', ({ verdict, status, code }) => {
    const response = refusedRequestResponse(verdict, { path: '/api/requests' });

    expect(response.status).toBe(status);
    expect(response.headers['Content-Type']).toBe('application/problem+json');
    const body = ZProblemDetails.parse(JSON.parse(response.body));
    expect(body).toMatchObject({ status, code, type: expect.stringMatching(/^\/api\/v1\/docs#problem-/) });
    expect(body.detail).not.toBe('');
  });

  it('answers a browser with a short page, not JSON', () => {
    const response = refusedRequestResponse({ kind: 'too-large', limitBytes: 64 * 1024, isStaff: false }, { path: '/request' });

    expect(response.headers['Content-Type']).toBe('text/html; charset=utf-8');
    expect(response.body).toContain('That is too much to send');
  });
});
