import type { CalendarDate } from '@/lib/deadlines/calendar-date';

/**
 * OpenDSR's expected_completion_time is an instant; our deadline is a calendar day in the
 * organisation's time zone. The promise is the last second of that day there.
 */
export function expectedCompletionTime(dueOn: CalendarDate, timeZone: string): string {
  const utcEndOfDay = new Date(`${dueOn}T23:59:59Z`);
  const zoneName =
    new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
      .formatToParts(utcEndOfDay)
      .find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  const offset = zoneName === 'GMT' ? 'Z' : zoneName.slice(3);
  return new Date(`${dueOn}T23:59:59${offset}`).toISOString();
}
