/** "25 Nov 2026, 14:05 UTC" — staff pages show instants in UTC so colleagues in other zones read the same time. */
export function formatDateTime(date: Date): string {
  return `${new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(date)} UTC`;
}

/** An instant in a <time> element machines can read. */
export function DateTimeText({ date }: { date: Date }) {
  return <time dateTime={date.toISOString()}>{formatDateTime(date)}</time>;
}
