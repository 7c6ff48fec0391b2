/**
 * The Strict-Transport-Security header for an app served at `appUrl`: browsers that once
 * reached it over https keep to https for a year. None over http (a local install), where it
 * would be ignored anyway and would break http on the same host name if it were not.
 */
export function strictTransportSecurityFor(appUrl: string): string | null {
  return new URL(appUrl).protocol === 'https:' ? 'max-age=31536000' : null;
}
