import type { SupportedLocale } from '@/lib/i18n/locales';
import {
  type AccessInformationField,
  accessInformationFields,
  type TAccessInformation,
  type TLocalisedAccessInformation,
} from '@/lib/validation/access-information';
import { listUntranslatedTexts, type MissingTranslation, pickLocalisedText } from './localise-texts';

/** A regime's Art. 15 information as a reader of `locale` gets it: each field in their language, or in English where it has none. */
export function localiseAccessInformation(information: TLocalisedAccessInformation, locale: SupportedLocale): TAccessInformation {
  return Object.fromEntries(
    accessInformationFields.flatMap((field) => {
      const text = pickLocalisedText(information, locale, field);
      return text ? [[field, text]] : [];
    }),
  );
}

/** Fields written in English but not in another language: listed on the settings pages, like the organisation's own texts. */
export function listMissingAccessInformationTranslations(
  information: TLocalisedAccessInformation,
): MissingTranslation<AccessInformationField>[] {
  return listUntranslatedTexts(information, accessInformationFields);
}
