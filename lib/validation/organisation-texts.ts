import { z } from 'zod';
import type { SupportedLocale } from '@/lib/i18n/locales';
import { type LocalisedKey, localisedKeysOf, localisedTextsSchema } from './localised-texts';
import { text } from './text';

const emptyAsUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

/**
 * What the organisation writes itself, per language: a contact address and privacy notice for readers of that
 * language, and the sign-off above every email's footer. English contact and notice are the organisation
 * settings' own fields; every language falls back to them (lib/settings/localise-organisation-texts.ts).
 */
export const localisedTextFields = ['contactEmail', 'privacyNoticeUrl', 'signOff'] as const;
export type LocalisedTextField = (typeof localisedTextFields)[number];
export type LocalisedTextKey = LocalisedKey<LocalisedTextField>;

const fieldSchemas: Record<LocalisedTextField, z.ZodType<string | undefined>> = {
  contactEmail: z.preprocess(
    emptyAsUndefined,
    text()
      .trim()
      .max(254)
      .pipe(z.email({ error: 'Enter a valid email address' }))
      .optional(),
  ),
  privacyNoticeUrl: z.preprocess(
    emptyAsUndefined,
    text()
      .trim()
      .max(2000, 'At most 2,000 characters')
      .pipe(z.url({ protocol: /^https?$/, error: 'Enter a web address starting with https://' }))
      .optional(),
  ),
  signOff: z.preprocess(emptyAsUndefined, text().trim().max(500, 'At most 500 characters').optional()),
};

/** English contact and notice live in the organisation settings; English has only its sign-off here. */
export function isLocalisedTextKeyEditable(locale: SupportedLocale, field: LocalisedTextField): boolean {
  return locale !== 'en' || field === 'signOff';
}

export const localisedTextKeys = localisedKeysOf(localisedTextFields, isLocalisedTextKeyEditable);

/** The settings form's per-language texts, one flat field per language and text (`de.signOff`). */
export const ZOrganisationTexts = localisedTextsSchema(localisedTextKeys, fieldSchemas);

export type TOrganisationTexts = Partial<Record<LocalisedTextKey, string>>;
