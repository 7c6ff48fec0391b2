import { describe, expect, it } from 'vitest';
import type { TOrganisationSettings } from '@/lib/validation/organisation-settings';
import { ZOrganisationTexts } from '@/lib/validation/organisation-texts';
import { listMissingTranslations, localiseOrganisationTexts } from './localise-organisation-texts';

const settings: TOrganisationSettings = {
  organisationName: 'Northwind',
  senderName: 'Northwind',
  senderEmail: 'privacy@northwind.example',
  contactEmail: 'privacy@northwind.example',
  privacyNoticeUrl: 'https://northwind.example/privacy',
  downloadDays: 7,
  maxDownloads: 10,
  copyWaitDays: 7,
  auditRetentionMonths: 24,
  personalDataRetentionDays: 365,
};

describe('per-language organisation texts', () => {
  it('[reader] sees the text written in their language, and the English one where there is none', () => {
    const texts = { 'en.signOff': 'The Northwind privacy team', 'de.privacyNoticeUrl': 'https://northwind.example/de/datenschutz' };
    expect(localiseOrganisationTexts(settings, texts, 'de')).toEqual({
      contactEmail: 'privacy@northwind.example',
      privacyNoticeUrl: 'https://northwind.example/de/datenschutz',
      signOff: 'The Northwind privacy team',
    });
    expect(localiseOrganisationTexts(settings, texts, 'en').privacyNoticeUrl).toBe('https://northwind.example/privacy');
  });

  it('[admin] is told which texts written in English have no translation yet', () => {
    const texts = {
      'en.signOff': 'The Northwind privacy team',
      'de.signOff': 'Ihr Datenschutzteam von Northwind',
      'de.contactEmail': 'datenschutz@northwind.example',
    };
    const missing = listMissingTranslations(settings, texts);
    expect(missing).toContainEqual({ locale: 'de', field: 'privacyNoticeUrl' });
    expect(missing).not.toContainEqual({ locale: 'de', field: 'signOff' });
    expect(missing).not.toContainEqual({ locale: 'de', field: 'contactEmail' });
    expect(missing).toContainEqual({ locale: 'pt-BR', field: 'signOff' });
    expect(missing.filter((entry) => entry.locale === 'fr')).toHaveLength(3);
  });

  it('[admin] nothing is missing where nothing was written in English', () => {
    expect(listMissingTranslations({ ...settings, contactEmail: undefined, privacyNoticeUrl: undefined }, {})).toEqual([]);
  });

  it('[admin] the form refuses a contact that is not an email address, and an English contact (that lives in the organisation settings)', () => {
    const refused = ZOrganisationTexts.safeParse({ 'de.contactEmail': 'not an address' });
    expect(refused.success).toBe(false);
    expect(ZOrganisationTexts.safeParse({ 'en.contactEmail': 'a@b.example' }).success).toBe(false);
    expect(ZOrganisationTexts.safeParse({ 'de.contactEmail': '', 'fr.signOff': 'L’équipe' }).data).toEqual({ 'fr.signOff': 'L’équipe' });
  });
});
