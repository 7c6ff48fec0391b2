import { describe, expect, it } from 'vitest';
import { ZAccessInformationForm, ZLocalisedAccessInformation } from '@/lib/validation/access-information';
import { listMissingAccessInformationTranslations, localiseAccessInformation } from './localise-access-information';

const information = {
  'en.purposes': 'To deliver your orders.',
  'de.purposes': 'Um Ihre Bestellungen zu liefern.',
  'en.retention': 'Six years.',
  'fr.source': 'Nos partenaires.',
};

describe('per-language access information (GDPR Art. 15)', () => {
  it('[reader] gets each field in their language, the English text where a field has none, and nothing where neither exists', () => {
    expect(localiseAccessInformation(information, 'de')).toEqual({ purposes: 'Um Ihre Bestellungen zu liefern.', retention: 'Six years.' });
    expect(localiseAccessInformation(information, 'en')).toEqual({ purposes: 'To deliver your orders.', retention: 'Six years.' });
    // Written only in French: a French reader gets it; nobody else gets a French text.
    expect(localiseAccessInformation(information, 'fr').source).toBe('Nos partenaires.');
    expect(localiseAccessInformation(information, 'es').source).toBeUndefined();
  });

  it('[admin] is told which fields written in English have no translation yet', () => {
    const missing = listMissingAccessInformationTranslations(information);
    expect(missing).toContainEqual({ locale: 'de', field: 'retention' });
    expect(missing).not.toContainEqual({ locale: 'de', field: 'purposes' });
    expect(missing.filter((entry) => entry.locale === 'pt-BR')).toEqual([
      { locale: 'pt-BR', field: 'purposes' },
      { locale: 'pt-BR', field: 'retention' },
    ]);
    // Nothing in English to translate: nothing is missing.
    expect(missing).not.toContainEqual({ locale: 'de', field: 'source' });
    expect(listMissingAccessInformationTranslations({})).toEqual([]);
  });

  it('[admin] the form checks every language’s fields as the English ones, and refuses an unknown language or field', () => {
    expect(ZAccessInformationForm.safeParse({ code: 'eu_gdpr', 'de.complaintAuthorityUrl': 'not a web address' }).success).toBe(false);
    expect(ZAccessInformationForm.safeParse({ code: 'eu_gdpr', 'de.purposes': 'x'.repeat(4001) }).success).toBe(false);
    expect(ZLocalisedAccessInformation.safeParse({ 'it.purposes': 'Per consegnare.' }).success).toBe(false);
    expect(ZLocalisedAccessInformation.safeParse({ purposes: 'Unprefixed, as stored before migration 0023.' }).success).toBe(false);
    const parsed = ZAccessInformationForm.parse({ code: 'eu_gdpr', 'de.purposes': '  Liefern.  ', 'fr.purposes': '' });
    expect(parsed).toMatchObject({ 'de.purposes': 'Liefern.' });
    expect(parsed['fr.purposes']).toBeUndefined();
  });
});
