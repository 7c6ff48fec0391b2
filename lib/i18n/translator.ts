import { createTranslator } from 'next-intl';
import type { Locale } from './locales';
import { messagesFor } from './messages';

/**
 * A translator for code outside a page: the outbox worker rendering an email, the package builder writing
 * index.html. Pages and components use next-intl's `getTranslations` / `useTranslations` instead.
 * `t('emails.verification.subject')`, `t('statusPage.heading', { reference })`. Dates are formatted before
 * they go in (lib/i18n/format-date.ts), so every language writes them the way its readers do.
 */
export function translatorFor(locale: Locale) {
  return createTranslator({ locale, messages: messagesFor(locale), timeZone: 'UTC' });
}

export type Translator = ReturnType<typeof translatorFor>;
