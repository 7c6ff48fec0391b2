import { z } from 'zod';
import { supportedLocales } from '@/lib/i18n/locales';
import { text } from './text';

/** The language switcher on every public page: the language, and the page to come back to (a path on this site only). */
export const ZChangeLanguage = z.strictObject({
  locale: z.enum([...supportedLocales, 'en-XA'], { error: 'Choose a language' }),
  returnTo: text()
    .max(2000)
    .regex(/^\/(?![/\\])[^\s]*$/, 'Must be a path on this site')
    .catch('/'),
});

export type TChangeLanguage = z.infer<typeof ZChangeLanguage>;
