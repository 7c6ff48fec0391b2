const calendarDateFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  // Deadlines are calendar dates; formatting in the server's zone could move them a day.
  timeZone: 'UTC',
});

/** `2026-12-25` → `25 December 2026`. */
export function formatCalendarDate(date: string): string {
  return calendarDateFormat.format(new Date(`${date}T00:00:00Z`));
}
