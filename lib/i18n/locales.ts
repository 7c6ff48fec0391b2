/**
 * The languages a requester can read dsr-desk in: public pages, emails and the data package.
 * Adding one is a message file (messages/<code>.json, the same keys as messages/en.json) and a line here;
 * a right-to-left language also needs nothing more, since the layout uses logical CSS properties.
 */
export const supportedLocales = ['en', 'de', 'fr', 'es', 'pt-BR'] as const;
export type SupportedLocale = (typeof supportedLocales)[number];

/**
 * The pseudo-locale: English with accented letters, 40 % longer and [bracketed], made from en.json at run time.
 * It shows untranslated text (no accents) and layouts that cannot take longer words. Offered only when
 * PSEUDO_LOCALE=true (the end-to-end tests), never negotiated from a browser.
 */
export const pseudoLocale = 'en-XA';
export type Locale = SupportedLocale | typeof pseudoLocale;

export const defaultLocale: SupportedLocale = 'en';

/** Each language's own name, as the switcher offers it (a reader of that language finds it without knowing the page's). */
export const localeNames: Record<Locale, string> = {
  en: 'English',
  de: 'Deutsch',
  fr: 'Français',
  es: 'Español',
  'pt-BR': 'Português (Brasil)',
  'en-XA': 'Ƥšéûðö',
};

/**
 * The tag dates and numbers are formatted with. English is British English: dates read "25 December 2026",
 * as they always have here.
 */
const formattingLocales: Record<Locale, string> = {
  en: 'en-GB',
  de: 'de-DE',
  fr: 'fr-FR',
  es: 'es-ES',
  'pt-BR': 'pt-BR',
  'en-XA': 'en-GB',
};

export function formattingLocaleOf(locale: Locale): string {
  return formattingLocales[locale];
}

export function isSupportedLocale(value: unknown): value is SupportedLocale {
  return typeof value === 'string' && (supportedLocales as readonly string[]).includes(value);
}

/** A stored language (a request's) as one the message files have; English for anything else. */
export function supportedLocaleOf(value: unknown): SupportedLocale {
  return isSupportedLocale(value) ? value : defaultLocale;
}

export function isLocale(value: unknown): value is Locale {
  return isSupportedLocale(value) || value === pseudoLocale;
}

// Scripts written right to left (Arabic, Hebrew, Persian, Urdu, …): `dir` follows from the locale alone.
const rightToLeftLanguages = new Set(['ar', 'arc', 'dv', 'fa', 'ha', 'he', 'khw', 'ks', 'ku', 'ps', 'sd', 'ur', 'yi']);

export function textDirectionOf(locale: string): 'ltr' | 'rtl' {
  return rightToLeftLanguages.has(locale.split('-')[0]!.toLowerCase()) ? 'rtl' : 'ltr';
}

/** A language's name in English, for staff pages ("German", "Brazilian Portuguese"). */
export function englishLanguageName(locale: string): string {
  return new Intl.DisplayNames('en', { type: 'language' }).of(locale) ?? locale;
}
