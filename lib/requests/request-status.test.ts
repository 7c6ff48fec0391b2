import { describe, expect, it } from 'vitest';
import { isAppError } from '@/lib/errors/app-error';
import { assertTransition } from './assert-transition';
import { canTransition, isOpen, requestStatuses } from './request-status';

describe('request state machine', () => {
  it('lets an unverified request be verified, cancelled or expire, nothing else', () => {
    expect(requestStatuses.filter((to) => canTransition('unverified', to))).toEqual(['new', 'cancelled', 'expired']);
  });

  it('never leaves a closed status', () => {
    for (const closed of ['fulfilled', 'rejected', 'cancelled', 'expired'] as const) {
      expect(isOpen(closed)).toBe(false);
      expect(requestStatuses.some((to) => canTransition(closed, to))).toBe(false);
    }
  });

  it('refuses an illegal move with an INVALID_TRANSITION error naming both statuses', () => {
    try {
      assertTransition('fulfilled', 'cancelled');
      expect.unreachable();
    } catch (error) {
      expect(isAppError(error, 'INVALID_TRANSITION')).toBe(true);
      expect((error as { details: unknown }).details).toEqual({ from: 'fulfilled', to: 'cancelled' });
    }
  });
});
