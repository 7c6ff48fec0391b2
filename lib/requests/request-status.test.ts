import { describe, expect, it } from 'vitest';
import { isAppError } from '@/lib/errors/app-error';
import { assertTransition } from './assert-transition';
import {
  activeStatuses,
  answeredStatuses,
  canTransition,
  closedStatuses,
  closedWithPersonalDataStatuses,
  confirmedStatuses,
  isOpen,
  neverConfirmedStatuses,
  openStatuses,
  requestStatuses,
} from './request-status';

describe('request state machine', () => {
  it('lets an unverified request be verified or cancelled by an action, and expire only when its link ran out', () => {
    expect(requestStatuses.filter((to) => canTransition('unverified', to))).toEqual(['new', 'cancelled']);
    expect(requestStatuses.filter((to) => canTransition('unverified', to, { when: 'verification_expired' }))).toEqual([
      'new',
      'cancelled',
      'expired',
    ]);
  });

  it('closes a request waiting for the requester as fulfilled only when its erasure completed, never by an agent', () => {
    expect(canTransition('awaiting_requester', 'fulfilled')).toBe(false);
    expect(canTransition('awaiting_requester', 'fulfilled', { when: 'erasure_completed' })).toBe(true);
    expect(canTransition('awaiting_requester', 'fulfilled', { when: 'verification_expired' })).toBe(false);
  });

  it('derives every status set from the one definition', () => {
    expect(openStatuses).toEqual(['unverified', 'new', 'in_progress', 'awaiting_requester']);
    expect(activeStatuses).toEqual(['new', 'in_progress', 'awaiting_requester']);
    expect(closedStatuses).toEqual(['fulfilled', 'rejected', 'cancelled', 'expired']);
    expect(answeredStatuses).toEqual(['fulfilled', 'rejected']);
    expect(closedWithPersonalDataStatuses).toEqual(['fulfilled', 'rejected', 'cancelled']);
    expect(neverConfirmedStatuses).toEqual(['unverified', 'expired']);
    expect(confirmedStatuses).toEqual(['new', 'in_progress', 'awaiting_requester', 'fulfilled', 'rejected', 'cancelled']);
    expect(requestStatuses.every((status) => isOpen(status) !== (closedStatuses as readonly string[]).includes(status))).toBe(true);
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
