import { text } from './text';

/** Whether the runtime knows the name as an IANA zone (Europe/London, America/New_York, UTC); offsets such as +01:00 are not zones. */
export function isIanaTimeZone(zone: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * The requester's time zone, read from their browser by the request form (a hidden
 * field) or sent by an API client; status pages and packages show times in it.
 */
export const ZTimeZone = text()
  .trim()
  .max(64, 'Time zones are at most 64 characters')
  .refine(isIanaTimeZone, 'Use an IANA time zone such as Europe/London');
