import { englishLanguageName, type SupportedLocale } from '@/lib/i18n/locales';

export type MissingTranslationItem = { locale: SupportedLocale; text: string };

/** Every per-language text by what the missing-translation list calls it. */
export const translatableTextNames = {
  contactEmail: 'contact email',
  privacyNoticeUrl: 'privacy notice address',
  signOff: 'email sign-off',
  purposes: 'purposes',
  categories: 'categories of data',
  recipients: 'recipients',
  retention: 'retention',
  rights: 'rights',
  complaintAuthorityName: 'supervisory authority',
  complaintAuthorityUrl: 'authority’s web address',
  source: 'source of the data',
  automatedDecisions: 'automated decisions',
} as const;

/**
 * Texts written in English and not yet in another language (issue #18): readers of that language see the English
 * text meanwhile. `id` lets a page's tests and links find the list.
 */
export function MissingTranslations({ items, id, whenNone }: { items: MissingTranslationItem[]; id: string; whenNone: string }) {
  if (items.length === 0)
    return (
      <p className="notice notice--ok" id={id}>
        {whenNone}
      </p>
    );
  return (
    <div className="notice" id={id}>
      <p>Missing translations (readers of these languages see the English text):</p>
      <ul>
        {items.map(({ locale, text }) => (
          <li key={`${locale}.${text}`}>
            {englishLanguageName(locale)}: {text}
          </li>
        ))}
      </ul>
    </div>
  );
}
