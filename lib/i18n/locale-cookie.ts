/** The language a visitor chose with the switcher on a public page; a year, like most sites keep it. */
export const LOCALE_COOKIE = 'dsr_locale';
export const LOCALE_COOKIE_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

/** Set by proxy.ts on every page request: the path, so the layout can tell a request's own pages (and staff pages) apart. */
export const PATH_HEADER = 'x-dsr-path';
