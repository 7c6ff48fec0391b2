// Under (UK) GDPR the ICO lets the clock stop while the controller waits for information it genuinely
// needs, such as proof of identity, and restart when it arrives. The CCPA regulations say the opposite
// (11 CCR §7021(b): the 45 days run regardless of time to verify), so those policies ignore pauses.
import type { TDeadlinePolicy } from '../validation/deadline-policy';
import { applyWeekendRoll } from './apply-weekend-roll';
import { addDays, type CalendarDate } from './calendar-date';

export function shiftDueDateByPausedDays(dueOn: CalendarDate, pausedDays: number, policy: TDeadlinePolicy): CalendarDate {
  if (!policy.clockStopAllowed || pausedDays <= 0) return dueOn;
  return applyWeekendRoll(addDays(dueOn, pausedDays), policy);
}
