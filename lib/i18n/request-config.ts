import { getRequestConfig } from 'next-intl/server';
import { messagesFor } from './messages';
import { resolvePageLocale } from './resolve-page-locale';

/**
 * next-intl's per-render configuration, without locale routing: URLs stay the same in every language
 * (emailed links must keep working), and the language comes from resolvePageLocale.
 */
export default getRequestConfig(async () => {
  const locale = await resolvePageLocale();
  return { locale, messages: messagesFor(locale), timeZone: 'UTC' };
});
