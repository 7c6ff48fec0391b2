const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

/** An instant as "12 Mar 2026, 10:04 UTC", in a <time> element machines can read. */
export function DateTimeText({ date }: { date: Date }) {
  return <time dateTime={date.toISOString()}>{dateTime.format(date)} UTC</time>;
}
