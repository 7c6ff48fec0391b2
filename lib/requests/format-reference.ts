import type { CalendarDate } from '@/lib/deadlines/calendar-date';

/** DSR-2026-000123: the year of verification and a number that never repeats. */
export function formatReference(verifiedOn: CalendarDate, sequence: number): string {
  return `DSR-${verifiedOn.slice(0, 4)}-${String(sequence).padStart(6, '0')}`;
}
