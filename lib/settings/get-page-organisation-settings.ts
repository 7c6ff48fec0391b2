import { cache } from 'react';
import { getDb } from '@/lib/database';
import { getOrganisationSettings } from './get-organisation-settings';

/**
 * For server components: the root layout and a page both show the organisation
 * name, and React's per-request cache makes that one query per render, not one each.
 */
export const getPageOrganisationSettings = cache(() => getOrganisationSettings(getDb()));
