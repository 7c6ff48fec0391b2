/** One way to print report figures, so the page and its CSV downloads show the same numbers. */

/** Days as a figure with at most one decimal ("12.5"); an empty cell when there is nothing to measure. */
export function formatDays(days: number | null): string {
  return days === null ? '' : String(Math.round(days * 10) / 10);
}

/** A 0–1 rate as a percentage with at most one decimal ("71.4"). */
export function formatPercent(rate: number | null): string {
  return rate === null ? '' : String(Math.round(rate * 1000) / 10);
}
