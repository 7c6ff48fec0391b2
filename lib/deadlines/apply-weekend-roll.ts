import type { TDeadlinePolicy } from '../validation/deadline-policy';
import { nextWorkingDay, type CalendarDate } from './calendar-date';

// Every date that moves the statutory deadline (first due date, extension, clock-stop) rolls the same
// way, so a UK deadline pushed by an extension or a pause still never lands on a weekend.
export function applyWeekendRoll(date: CalendarDate, policy: TDeadlinePolicy): CalendarDate {
  return policy.deadline.rollWeekendToNextWorkingDay ? nextWorkingDay(date) : date;
}
