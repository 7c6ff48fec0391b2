import { type AbstractIntlMessages, createTranslator } from 'use-intl/core';
import type { Locale } from './locales';
import { messagesFor } from './messages';

/** A key (dot-separated, as in messages/en.json) and its ICU values → the text. `has` tells whether a key exists. */
export type Translator = {
  (key: string, values?: Record<string, string | number | Date>): string;
  has(key: string): boolean;
};

/**
 * A translator for code outside a page: the outbox worker rendering an email, the package builder writing
 * index.html. Pages and components use next-intl's `getTranslations` / `useTranslations` instead.
 * `t('emails.verification.subject')`, `t('statusPage.heading', { reference })`. Dates are formatted before
 * they go in (lib/i18n/format-date.ts), so every language writes them the way its readers do.
 */
export function translatorFor(locale: Locale): Translator {
  // Keys are plain strings (some are built, like `requestTypes.${type}.title`); the key-parity test checks every file has them.
  return createTranslator({ locale, messages: messagesFor(locale) as AbstractIntlMessages, timeZone: 'UTC' }) as unknown as Translator;
}
