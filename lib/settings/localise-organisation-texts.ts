import { type SupportedLocale, supportedLocales } from '@/lib/i18n/locales';
import type { TOrganisationSettings } from '@/lib/validation/organisation-settings';
import { isLocalisedTextKeyEditable, type LocalisedTextField, type TOrganisationTexts } from '@/lib/validation/organisation-texts';

export type LocalisedOrganisationTexts = { contactEmail?: string; privacyNoticeUrl?: string; signOff?: string };

function englishText(settings: TOrganisationSettings, texts: TOrganisationTexts, field: LocalisedTextField): string | undefined {
  return field === 'signOff' ? texts['en.signOff'] : settings[field];
}

/** What a reader of `locale` is shown: the organisation's text in their language, or the English one when there is none. */
export function localiseOrganisationTexts(
  settings: TOrganisationSettings,
  texts: TOrganisationTexts,
  locale: string,
): LocalisedOrganisationTexts {
  const pick = (field: LocalisedTextField) =>
    (locale !== 'en' && (texts[`${locale}.${field}` as keyof TOrganisationTexts] as string | undefined)) ||
    englishText(settings, texts, field);
  return { contactEmail: pick('contactEmail'), privacyNoticeUrl: pick('privacyNoticeUrl'), signOff: pick('signOff') };
}

export type MissingTranslation = { locale: SupportedLocale; field: LocalisedTextField };

/** Texts the organisation wrote in English but not in another language: listed on the settings page (English is shown meanwhile). */
export function listMissingTranslations(settings: TOrganisationSettings, texts: TOrganisationTexts): MissingTranslation[] {
  const fields: LocalisedTextField[] = ['contactEmail', 'privacyNoticeUrl', 'signOff'];
  return supportedLocales
    .filter((locale) => locale !== 'en')
    .flatMap((locale) =>
      fields
        .filter((field) => isLocalisedTextKeyEditable(locale, field) && englishText(settings, texts, field) && !texts[`${locale}.${field}`])
        .map((field) => ({ locale, field })),
    );
}
