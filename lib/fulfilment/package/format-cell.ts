import type { TColumnPresentation } from '@/lib/validation/data-source';

export type CellValue = string | number | boolean | null;
/** `locale` formats dates and numbers (en-GB, de-DE, …); `words` are the page's texts for an empty cell and yes/no. */
export type CellContext = { timeZone: string; locale: string; words: { empty: string; yes: string; no: string } };

const PLAIN_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * One cell of the package's readable page, as the map's column format says: money in
 * its currency, dates and times in the requester's time zone, booleans as yes/no in the page's language.
 * A value the format does not fit (text in a money column) is shown as it is, never
 * dropped: the page must show everything the files hold.
 */
export function formatCell(value: CellValue, presentation: TColumnPresentation | undefined, context: CellContext): string {
  if (value === null || value === '') return context.words.empty;
  const format = presentation?.format ?? (typeof value === 'boolean' ? 'boolean' : 'text');
  switch (format) {
    case 'money':
      return formatMoney(value, presentation!, context) ?? String(value);
    case 'date':
    case 'datetime':
      return formatDate(value, format, context) ?? String(value);
    case 'boolean':
      return formatBoolean(value, context) ?? String(value);
    default:
      return String(value);
  }
}

function formatMoney(value: CellValue, presentation: TColumnPresentation, { locale }: CellContext): string | null {
  const amount = typeof value === 'number' ? value : typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : null;
  if (amount === null || !Number.isFinite(amount) || !presentation.currency) return null;
  try {
    const formatter = new Intl.NumberFormat(locale, { style: 'currency', currency: presentation.currency });
    const digits = formatter.resolvedOptions().maximumFractionDigits ?? 2;
    return formatter.format(presentation.minorUnits ? amount / 10 ** digits : amount);
  } catch {
    return null;
  }
}

function formatDate(value: CellValue, format: 'date' | 'datetime', { timeZone, locale }: CellContext): string | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  // A calendar date has no time zone: shown as the same day everywhere.
  if (typeof value === 'string' && PLAIN_DATE.test(value)) {
    const day = new Date(`${value}T00:00:00Z`);
    return Number.isNaN(day.getTime()) ? null : new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(day);
  }
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) return null;
  return new Intl.DateTimeFormat(
    locale,
    format === 'date' ? { dateStyle: 'long', timeZone } : { dateStyle: 'long', timeStyle: 'short', timeZone },
  ).format(instant);
}

function formatBoolean(value: CellValue, { words }: CellContext): string | null {
  if (value === true || value === 1 || value === 't' || value === 'true' || value === '1') return words.yes;
  if (value === false || value === 0 || value === 'f' || value === 'false' || value === '0') return words.no;
  return null;
}

/** A column's heading when the map gives no label: `full_name` → "Full name". */
export function humaniseColumnName(column: string): string {
  const words = column
    .replace(/[_$]+/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .trim()
    .toLowerCase();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : column;
}
