/** A calendar date (YYYY-MM-DD) as "25 December 2026", in a <time> element machines can read. */
export function DateText({ date }: { date: string }) {
  const label = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );
  return <time dateTime={date}>{label}</time>;
}
