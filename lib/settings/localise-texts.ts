import { type SupportedLocale, supportedLocales } from '@/lib/i18n/locales';
import type { LocalisedKey } from '@/lib/validation/localised-texts';

/** Texts stored one key per language and field (lib/validation/localised-texts.ts). */
export type LocalisedTexts<Field extends string> = Partial<Record<LocalisedKey<Field>, string>>;

/**
 * What a reader of `locale` is shown of one field: the text written in their language, or the English one when
 * there is none (issue #18). `english` is for a field whose English text is kept elsewhere (the organisation
 * settings' contact address); otherwise it is the field's `en.` key.
 */
export function pickLocalisedText<Field extends string>(
  texts: LocalisedTexts<Field>,
  locale: string,
  field: Field,
  english: string | undefined = texts[`en.${field}`],
): string | undefined {
  return (locale !== 'en' && texts[`${locale}.${field}` as LocalisedKey<Field>]) || english;
}

export type MissingTranslation<Field extends string> = { locale: SupportedLocale; field: Field };

/** Fields written in English but not in another language (readers of that language see the English meanwhile). */
export function listUntranslatedTexts<Field extends string>(
  texts: LocalisedTexts<Field>,
  fields: readonly Field[],
  {
    englishOf = (field) => texts[`en.${field}`],
    isEditable = () => true,
  }: { englishOf?: (field: Field) => string | undefined; isEditable?: (locale: SupportedLocale, field: Field) => boolean } = {},
): MissingTranslation<Field>[] {
  return supportedLocales
    .filter((locale) => locale !== 'en')
    .flatMap((locale) =>
      fields
        .filter((field) => isEditable(locale, field) && englishOf(field) && !texts[`${locale}.${field}`])
        .map((field) => ({ locale, field })),
    );
}
