import { cache } from 'react';
import { getDb } from '@/lib/database';
import { getOrganisationSettings } from './get-organisation-settings';
import { getOrganisationTexts } from './get-organisation-texts';
import { localiseOrganisationTexts } from './localise-organisation-texts';

/**
 * For server components: the root layout and a page both show the organisation
 * name, and React's per-request cache makes that one query per render, not one each.
 * With a language, the contact and privacy notice are the ones written for it (English when there is none).
 */
export const getPageOrganisationSettings = cache(async (locale = 'en') => {
  const db = getDb();
  const [organisation, texts] = await Promise.all([getOrganisationSettings(db), getOrganisationTexts(db)]);
  return { ...organisation, ...localiseOrganisationTexts(organisation, texts, locale) };
});
