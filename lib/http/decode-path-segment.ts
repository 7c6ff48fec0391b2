/** A %-encoded path (or one segment of it) decoded, or null when an escape is not UTF-8 (`%ff`) or cut short (`%e2%8`). */
export function decodePathSegment(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}
