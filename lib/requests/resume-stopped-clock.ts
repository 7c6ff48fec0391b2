import type { RequestRow } from '@/db/schema';
import { daysBetween, toCalendarDate } from '@/lib/deadlines/calendar-date';
import { computeDueDate } from '@/lib/deadlines/compute-due-date';
import { env } from '@/lib/env';

/** Whole days a clock stopped at `clockStoppedAt` has been stopped by `now`, in the organisation's zone. */
export function countPausedDays(clockStoppedAt: Date, now: Date): number {
  const { TIME_ZONE } = env();
  return Math.max(0, daysBetween(toCalendarDate(clockStoppedAt, TIME_ZONE), toCalendarDate(now, TIME_ZONE)));
}

/**
 * When a request waiting for the requester comes back to work, a clock stopped
 * under its policy (a pause kind the regime recognises) restarts: the due date is
 * counted again from receipt with every paused day so far, rolled once at the end.
 * Requests whose clock was not stopped are unchanged.
 */
export function resumeStoppedClock(request: RequestRow, now: Date): { dueOn: string | null; pausedDays: number } {
  if (!request.clockStoppedAt || !request.policy || !request.dueOn) return { dueOn: request.dueOn, pausedDays: 0 };
  return { dueOn: projectedDueOn(request, now), pausedDays: countPausedDays(request.clockStoppedAt, now) };
}

/** While a clock is stopped the due date moves a day for every day of waiting: the date it would have if the requester answered today. */
export function projectedDueOn(
  request: Pick<RequestRow, 'clockStoppedAt' | 'policy' | 'dueOn' | 'receivedOn' | 'extensionCount' | 'pausedDays'>,
  now: Date,
): string | null {
  if (!request.clockStoppedAt || !request.policy || !request.dueOn) return request.dueOn;
  const pausedDays = countPausedDays(request.clockStoppedAt, now);
  if (pausedDays === 0) return request.dueOn;
  return computeDueDate(request.receivedOn, request.policy, {
    extensionsUsed: request.extensionCount,
    pausedDays: request.pausedDays + pausedDays,
  });
}
