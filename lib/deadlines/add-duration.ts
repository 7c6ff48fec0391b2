import type { TDurationRule } from '../validation/deadline-policy';
import { addCalendarMonths, addDays, type CalendarDate } from './calendar-date';

export function addDuration(date: CalendarDate, duration: TDurationRule): CalendarDate {
  return duration.unit === 'months' ? addCalendarMonths(date, duration.amount) : addDays(date, duration.amount);
}
