import { DeadlineRuleError } from './deadline-rule-error';

// Statutory deadlines count whole calendar days, not 24-hour periods. Dates are kept as 'YYYY-MM-DD'
// and all arithmetic goes through Date.UTC, so a server's local zone or a daylight-saving change can
// never shift a due date by a day.
export type CalendarDate = string;

const MS_PER_DAY = 86_400_000;
const CALENDAR_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseParts(value: string): { year: number; month: number; day: number } | null {
  const match = CALENDAR_DATE_PATTERN.exec(value);
  if (!match) return null;
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

export function isCalendarDate(value: unknown): value is CalendarDate {
  if (typeof value !== 'string') return false;
  const parts = parseParts(value);
  if (!parts) return false;
  const { year, month, day } = parts;
  // Round-tripping through Date.UTC rejects dates such as 2027-02-29 that the pattern lets through.
  const utc = new Date(Date.UTC(year, month - 1, day));
  return utc.getUTCFullYear() === year && utc.getUTCMonth() === month - 1 && utc.getUTCDate() === day;
}

function toUtcMilliseconds(date: CalendarDate): number {
  const parts = isCalendarDate(date) ? parseParts(date) : null;
  if (!parts) throw new DeadlineRuleError(`Not a calendar date (YYYY-MM-DD): ${String(date)}`);
  return Date.UTC(parts.year, parts.month - 1, parts.day);
}

function fromUtcMilliseconds(milliseconds: number): CalendarDate {
  return new Date(milliseconds).toISOString().slice(0, 10);
}

function assertWholeNumber(value: number, name: string): void {
  if (!Number.isInteger(value)) throw new DeadlineRuleError(`${name} must be a whole number, got ${value}`);
}

// The day a request was received is the day in the requester's (or the business's) zone, not UTC:
// a request sent at 23:30 in Los Angeles arrives "tomorrow" in UTC but starts the clock today.
// Building an Intl.DateTimeFormat costs about a millisecond (ICU loads the zone's rules); intake and every
// deadline computation ask for the same few zones, so each zone's formatter is built once.
const calendarDateFormats = new Map<string, Intl.DateTimeFormat>();

function calendarDateFormat(timeZone: string): Intl.DateTimeFormat {
  let format = calendarDateFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    calendarDateFormats.set(timeZone, format);
  }
  return format;
}

export function toCalendarDate(instant: Date, timeZone: string): CalendarDate {
  if (Number.isNaN(instant.getTime())) throw new DeadlineRuleError('Cannot take the calendar date of an invalid Date');
  // formatToParts rather than format(): the exact separators of 'en-CA' have changed between ICU versions.
  const parts = calendarDateFormat(timeZone).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((candidate) => candidate.type === type)?.value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  assertWholeNumber(days, 'days');
  return fromUtcMilliseconds(toUtcMilliseconds(date) + days * MS_PER_DAY);
}

// A month is "the corresponding calendar date" (ICO), so 31 January + 1 month is the end of February,
// never an overflow into March as plain Date.setMonth would give.
export function addCalendarMonths(date: CalendarDate, months: number): CalendarDate {
  assertWholeNumber(months, 'months');
  const start = new Date(toUtcMilliseconds(date));
  const targetMonthIndex = start.getUTCMonth() + months;
  const lastDayOfTargetMonth = new Date(Date.UTC(start.getUTCFullYear(), targetMonthIndex + 1, 0)).getUTCDate();
  const day = Math.min(start.getUTCDate(), lastDayOfTargetMonth);
  return fromUtcMilliseconds(Date.UTC(start.getUTCFullYear(), targetMonthIndex, day));
}

export function isWeekend(date: CalendarDate): boolean {
  const weekday = new Date(toUtcMilliseconds(date)).getUTCDay();
  return weekday === 0 || weekday === 6;
}

// Only Saturdays and Sundays count as non-working; public holidays differ per country and are not modelled yet.
export function nextWorkingDay(date: CalendarDate): CalendarDate {
  let candidate = date;
  while (isWeekend(candidate)) candidate = addDays(candidate, 1);
  return candidate;
}

// Counting starts the day after `date`, so a request received on a Friday has its first business day on Monday.
export function addBusinessDays(date: CalendarDate, businessDays: number): CalendarDate {
  assertWholeNumber(businessDays, 'businessDays');
  if (businessDays < 0) throw new DeadlineRuleError(`businessDays must not be negative, got ${businessDays}`);
  toUtcMilliseconds(date); // validates the start even when no day is added
  let candidate = date;
  let remaining = businessDays;
  while (remaining > 0) {
    candidate = addDays(candidate, 1);
    if (!isWeekend(candidate)) remaining -= 1;
  }
  return candidate;
}

export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return Math.round((toUtcMilliseconds(to) - toUtcMilliseconds(from)) / MS_PER_DAY);
}
