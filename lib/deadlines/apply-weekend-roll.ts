import type { TDeadlinePolicy } from '../validation/deadline-policy';
import { addDays, isWeekend, type CalendarDate } from './calendar-date';
import { isBankHoliday } from './uk-bank-holidays';

// Applied exactly once, to the final date (receipt + period + extensions + paused days): rolling an
// intermediate date and then adding to it is what made UK deadlines land days late.
export function applyWeekendRoll(date: CalendarDate, policy: TDeadlinePolicy): CalendarDate {
  if (!policy.deadline.rollWeekendToNextWorkingDay) return date;
  const region = policy.deadline.bankHolidays;
  let candidate = date;
  while (isWeekend(candidate) || (region !== null && isBankHoliday(candidate, region))) candidate = addDays(candidate, 1);
  return candidate;
}
