import { cookies, headers } from 'next/headers';
import { cache } from 'react';
import { getDb } from '@/lib/database';
import { env } from '@/lib/env';
import { findRequestLanguage } from '@/lib/requests/find-request-language';
import { LOCALE_COOKIE, PATH_HEADER } from './locale-cookie';
import { defaultLocale, isSupportedLocale, type Locale, pseudoLocale, type SupportedLocale } from './locales';
import { negotiateLocale } from './negotiate-locale';

const requestPagePath = /^\/(?:status|verify)\/([^/?#]+)/;

/**
 * The language of the page being rendered, once per render (React's cache):
 * 1. staff pages: English (staff see the requester's language on the request page instead);
 * 2. the pseudo-locale, when the cookie asks for it and PSEUDO_LOCALE is on (tests);
 * 3. a request's own pages (status, confirmation): the language stored on that request;
 * 4. the language the visitor chose with the switcher (cookie);
 * 5. the browser's Accept-Language; else English.
 */
export const resolvePageLocale = cache(async (): Promise<Locale> => {
  const [cookieStore, requestHeaders] = await Promise.all([cookies(), headers()]);
  const path = requestHeaders.get(PATH_HEADER) ?? '';
  if (path === '/staff' || path.startsWith('/staff/')) return defaultLocale;
  const chosen = cookieStore.get(LOCALE_COOKIE)?.value;
  if (chosen === pseudoLocale && env().PSEUDO_LOCALE) return pseudoLocale;
  const token = requestPagePath.exec(path)?.[1];
  if (token) {
    const requestLanguage = await findRequestLanguage(getDb(), { token: decodeURIComponent(token) });
    if (requestLanguage) return requestLanguage;
  }
  if (isSupportedLocale(chosen)) return chosen;
  return negotiateLocale(requestHeaders.get('accept-language'));
});

/** The language a new request is filed in from the public form: what the visitor is reading now (the pseudo-locale files English). */
export async function resolveIntakeLocale(): Promise<SupportedLocale> {
  const locale = await resolvePageLocale();
  return isSupportedLocale(locale) ? locale : defaultLocale;
}
