import type { TOrganisationSettings } from '@/lib/validation/organisation-settings';
import {
  isLocalisedTextKeyEditable,
  type LocalisedTextField,
  localisedTextFields,
  type TOrganisationTexts,
} from '@/lib/validation/organisation-texts';
import { listUntranslatedTexts, type MissingTranslation, pickLocalisedText } from './localise-texts';

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
    pickLocalisedText<LocalisedTextField>(texts, locale, field, englishText(settings, texts, field));
  return { contactEmail: pick('contactEmail'), privacyNoticeUrl: pick('privacyNoticeUrl'), signOff: pick('signOff') };
}

/** Texts the organisation wrote in English but not in another language: listed on the settings page (English is shown meanwhile). */
export function listMissingTranslations(
  settings: TOrganisationSettings,
  texts: TOrganisationTexts,
): MissingTranslation<LocalisedTextField>[] {
  return listUntranslatedTexts(texts, localisedTextFields, {
    englishOf: (field) => englishText(settings, texts, field),
    isEditable: isLocalisedTextKeyEditable,
  });
}
