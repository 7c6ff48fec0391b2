import { type Locale, formattingLocaleOf } from './locales';

/**
 * `2026-12-25` → "25 December 2026", "25. Dezember 2026", "25 décembre 2026", "25 de diciembre de 2026",
 * "25 de dezembro de 2026". Deadlines are calendar dates: formatted in UTC so no server zone moves them a day.
 */
export function formatCalendarDateIn(locale: Locale, date: string): string {
  return new Intl.DateTimeFormat(formattingLocaleOf(locale), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );
}

/** A moment as "25 December 2026 at 14:05", in a time zone (UTC unless given: the pages then say "UTC" after it). */
export function formatDateTimeIn(locale: Locale, at: Date, timeZone = 'UTC'): string {
  return new Intl.DateTimeFormat(formattingLocaleOf(locale), { dateStyle: 'long', timeStyle: 'short', timeZone }).format(at);
}
