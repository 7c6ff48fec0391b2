import { z } from 'zod';
import { type SupportedLocale, supportedLocales } from '@/lib/i18n/locales';

/**
 * Texts the organisation writes itself, per language (issue #18): stored flat, one key per language and field
 * (`de.signOff`, `fr.purposes`), so a settings form posts them as they are and a missing one is simply absent.
 * Readers of a language without its text see the English one (lib/settings/localise-texts.ts).
 */
export type LocalisedKey<Field extends string> = `${SupportedLocale}.${Field}`;

/** Every language's key of every field, in the languages' order; `isEditable` leaves out the pairs kept elsewhere. */
export function localisedKeysOf<Field extends string>(
  fields: readonly Field[],
  isEditable: (locale: SupportedLocale, field: Field) => boolean = () => true,
): LocalisedKey<Field>[] {
  return supportedLocales.flatMap((locale) =>
    fields.filter((field) => isEditable(locale, field)).map((field) => `${locale}.${field}` as LocalisedKey<Field>),
  );
}

/** The field a flat key is about: `de.signOff` → `signOff`. */
export function fieldOfLocalisedKey<Field extends string>(key: LocalisedKey<Field>): Field {
  return key.slice(key.indexOf('.') + 1) as Field;
}

/** One schema of every key, each validated as its field is (a German contact address is an address like the English one). */
export function localisedTextsSchema<Field extends string>(
  keys: readonly LocalisedKey<Field>[],
  fieldSchemas: Record<Field, z.ZodType<string | undefined>>,
) {
  return z.strictObject(
    Object.fromEntries(keys.map((key) => [key, fieldSchemas[fieldOfLocalisedKey(key)]])) as Record<
      LocalisedKey<Field>,
      z.ZodType<string | undefined>
    >,
  );
}

/** A saved value of such a schema without its empty texts: an absent key is the one way to say "not written". */
export function withoutEmptyTexts<Texts extends Partial<Record<string, string>>>(texts: Texts): Texts {
  return Object.fromEntries(Object.entries(texts).filter(([, text]) => text)) as Texts;
}
