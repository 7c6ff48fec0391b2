'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { changeLanguageAction } from '@/app/actions';
import { initialActionState } from '@/lib/http/run-action';
import { type Locale, localeNames, supportedLocales } from '@/lib/i18n/locales';

/** The language menu in every public page's header. A plain form, so it works without JavaScript. */
export function LanguageSwitcher({ locale, returnTo }: { locale: Locale; returnTo: string }) {
  const t = useTranslations('layout');
  const [, formAction, isPending] = useActionState(changeLanguageAction, initialActionState);
  return (
    <form action={formAction} className="language-switcher">
      <input type="hidden" name="returnTo" value={returnTo} />
      <label htmlFor="language-switcher-locale">{t('languageLabel')}</label>{' '}
      <select id="language-switcher-locale" name="locale" defaultValue={locale}>
        {supportedLocales.map((code) => (
          <option key={code} value={code} lang={code}>
            {localeNames[code]}
          </option>
        ))}
      </select>{' '}
      <button type="submit" className="button--secondary" disabled={isPending}>
        {t('languageButton')}
      </button>
    </form>
  );
}
