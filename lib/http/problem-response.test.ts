import { describe, expect, it } from 'vitest';
import { AppError, type AppErrorCode, appErrorCodes } from '@/lib/errors/app-error';
import { problemKinds, problemResponse, problemType } from './problem-response';

describe('problemResponse', () => {
  it.each(Object.entries(appErrorCodes) as [AppErrorCode, number][])(
    'answers %s with its status %i as RFC 9457 problem details',
    async (code, status) => {
      const response = problemResponse(new AppError(code, 'What went wrong.'));

      expect(response.status).toBe(status);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(response.headers.get('cache-control')).toBe('no-store');
      const body = await response.json();
      expect(body).toEqual({ type: problemType(code), title: problemKinds[code].title, status, detail: 'What went wrong.', code });
      expect(body.type).toMatch(/^\/api\/v1\/docs#problem-[a-z-]+$/);
      expect(body.title).not.toBe('');
    },
  );

  it('carries field and form errors of a VALIDATION error as extension members', async () => {
    const error = new AppError('VALIDATION', 'Check the form.', {
      fieldErrors: { email: ['Enter your email address'] },
      formErrors: ['Unrecognized key: "nickname"'],
    });

    expect(await problemResponse(error).json()).toEqual({
      type: '/api/v1/docs#problem-validation',
      title: 'The request is not valid',
      status: 400,
      detail: 'Check the form.',
      code: 'VALIDATION',
      fieldErrors: { email: ['Enter your email address'] },
      formErrors: ['Unrecognized key: "nickname"'],
    });
  });

  it('turns retryAfterSeconds into a Retry-After header', () => {
    const response = problemResponse(new AppError('RATE_LIMITED', 'Slow down.', { retryAfterSeconds: 3600 }));

    expect(response.headers.get('retry-after')).toBe('3600');
  });

  it('never puts other details (internal ids, causes) into the body', async () => {
    const body = await problemResponse(
      new AppError('CONFLICT', 'Reload and try again.', { requestId: 'secret-id', cause: 'lock timeout' }),
    ).json();

    expect(JSON.stringify(body)).not.toMatch(/secret-id|lock timeout/);
  });

  it('answers a browser download with the same status and the message as plain text', async () => {
    const response = problemResponse(new AppError('FORBIDDEN', 'You may not download this.'), { as: 'text' });

    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await response.text()).toBe('You may not download this.');
  });
});
