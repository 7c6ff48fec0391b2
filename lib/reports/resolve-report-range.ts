import { addCalendarMonths, addDays, type CalendarDate } from '@/lib/deadlines/calendar-date';
import type { TReportRange } from '@/lib/validation/reports';

export type ReportRange = { from: CalendarDate; to: CalendarDate };

/** Fills a missing end of the range: by default the last 12 months, today included. */
export function resolveReportRange(range: TReportRange, today: CalendarDate): ReportRange {
  const to = range.to ?? (range.from && range.from > today ? range.from : today);
  const from = range.from ?? addDays(addCalendarMonths(to, -12), 1);
  return { from, to };
}

/** CCPA §7102 figures are published by 1 July for the previous calendar year, so that year is the default. */
export function resolveDisclosureYear(year: number | undefined, today: CalendarDate): number {
  return year ?? Number(today.slice(0, 4)) - 1;
}
