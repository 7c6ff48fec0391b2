import { defaultLocale, type SupportedLocale, supportedLocales } from './locales';

type Preference = { tag: string; quality: number; order: number };

function parseAcceptLanguage(header: string): Preference[] {
  return header
    .split(',')
    .map((part, order) => {
      const [tag = '', ...parameters] = part.trim().split(';');
      const qualityParameter = parameters.map((parameter) => parameter.trim()).find((parameter) => parameter.startsWith('q='));
      const quality = qualityParameter ? Number(qualityParameter.slice(2)) : 1;
      return { tag: tag.trim().toLowerCase(), quality: Number.isFinite(quality) ? quality : 0, order };
    })
    .filter((preference) => preference.tag !== '' && preference.quality > 0)
    .sort((first, second) => second.quality - first.quality || first.order - second.order);
}

/**
 * The best supported language for an Accept-Language header (RFC 9110 §12.5.4): the highest-quality tag that
 * matches exactly, else by its language alone (`pt-PT` and `pt` read Brazilian Portuguese, `de-AT` German).
 * `*`, nothing usable or no header: English.
 */
export function negotiateLocale(acceptLanguage: string | null | undefined): SupportedLocale {
  if (!acceptLanguage) return defaultLocale;
  for (const { tag } of parseAcceptLanguage(acceptLanguage)) {
    const exact = supportedLocales.find((locale) => locale.toLowerCase() === tag);
    if (exact) return exact;
    const language = tag.split('-')[0];
    const sameLanguage = supportedLocales.find((locale) => locale.toLowerCase().split('-')[0] === language);
    if (sameLanguage) return sameLanguage;
  }
  return defaultLocale;
}
