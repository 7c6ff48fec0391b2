import { useLocale } from 'next-intl';
import { formatCalendarDateIn } from '@/lib/i18n/format-date';
import type { Locale } from '@/lib/i18n/locales';

/** A calendar date (YYYY-MM-DD) as "25 December 2026" (in the page's language), in a <time> element machines can read. */
export function DateText({ date }: { date: string }) {
  const locale = useLocale() as Locale;
  return <time dateTime={date}>{formatCalendarDateIn(locale, date)}</time>;
}
