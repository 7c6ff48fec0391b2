import type { RequestRow } from '@/db/schema';
import { daysBetween, toCalendarDate } from '@/lib/deadlines/calendar-date';
import { shiftDueDateByPausedDays } from '@/lib/deadlines/shift-due-date-by-paused-days';
import { env } from '@/lib/env';

/**
 * When a request waiting for the requester comes back to work, a clock stopped
 * under its policy (UK GDPR "stop the clock") restarts: the due date moves by the
 * whole days it was paused. Requests whose policy does not pause are unchanged.
 */
export function resumeStoppedClock(request: RequestRow, now: Date): { dueOn: string | null; pausedDays: number } {
  if (!request.clockStoppedAt || !request.policy || !request.dueOn) return { dueOn: request.dueOn, pausedDays: 0 };
  const { TIME_ZONE } = env();
  const pausedDays = Math.max(0, daysBetween(toCalendarDate(request.clockStoppedAt, TIME_ZONE), toCalendarDate(now, TIME_ZONE)));
  return { dueOn: shiftDueDateByPausedDays(request.dueOn, pausedDays, request.policy), pausedDays };
}
