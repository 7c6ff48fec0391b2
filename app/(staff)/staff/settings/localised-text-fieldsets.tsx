import { InputField, TextAreaField } from '@/components/form-field';
import { englishLanguageName, type SupportedLocale, supportedLocales } from '@/lib/i18n/locales';

/** One text the organisation writes per language: its label and hint, the control it is typed in, and its limit. */
export type LocalisedTextFieldSpec<Field extends string> = {
  name: Field;
  label: string;
  hint?: string;
  control: 'textarea' | 'email' | 'url' | 'text';
  maxLength: number;
  rows?: number;
};

/** What a form's problem summary calls each per-language box: "Email sign-off (German)". */
export function localisedTextLabels<Field extends string>(fields: LocalisedTextFieldSpec<Field>[]): Record<string, string> {
  return Object.fromEntries(
    supportedLocales.flatMap((locale) =>
      fields.map((field) => [`${locale}.${field.name}`, `${field.label} (${englishLanguageName(locale)})`]),
    ),
  );
}

/**
 * The boxes of texts the organisation writes per language (lib/validation/localised-texts.ts): a fieldset per
 * language, one box per text, posted as `de.signOff`. An empty box shows readers of that language the English text.
 */
export function LocalisedTextFieldsets<Field extends string>({
  fields,
  values,
  errors,
  idPrefix = '',
  isEditable = () => true,
}: {
  fields: LocalisedTextFieldSpec<Field>[];
  values: Record<string, string | undefined>;
  errors: Record<string, string[] | undefined>;
  /** Keeps the ids unique where a page has more than one such form. */
  idPrefix?: string;
  isEditable?: (locale: SupportedLocale, field: Field) => boolean;
}) {
  return supportedLocales.map((locale) => (
    <fieldset key={locale} lang={locale}>
      <legend>{englishLanguageName(locale)}</legend>
      {fields
        .filter((field) => isEditable(locale, field.name))
        .map((field) => {
          const name = `${locale}.${field.name}`;
          const common = {
            id: `${idPrefix}${name}`,
            name,
            label: `${field.label} (optional)`,
            hint: field.hint,
            errors: errors[name],
            maxLength: field.maxLength,
            defaultValue: values[name] ?? '',
          };
          return field.control === 'textarea' ? (
            <TextAreaField key={name} {...common} rows={field.rows ?? 3} />
          ) : (
            <InputField key={name} {...common} type={field.control} />
          );
        })}
    </fieldset>
  ));
}
