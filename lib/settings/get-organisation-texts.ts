import { eq } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '@/db/client';
import { settings } from '@/db/schema';
import { withoutEmptyTexts } from '@/lib/validation/localised-texts';
import { type TOrganisationTexts, ZOrganisationTexts } from '@/lib/validation/organisation-texts';

export const ORGANISATION_TEXTS_KEY = 'organisation_texts';

/** The per-language texts an admin saved (none on a new install). */
export async function getOrganisationTexts(db: DatabaseOrTransaction): Promise<TOrganisationTexts> {
  const [row] = await db.select().from(settings).where(eq(settings.key, ORGANISATION_TEXTS_KEY));
  return parseOrganisationTexts(row?.value);
}

/** The stored value of the texts row (undefined when there is none); nothing when it is missing or unreadable. */
export function parseOrganisationTexts(value: unknown): TOrganisationTexts {
  const parsed = value === undefined ? null : ZOrganisationTexts.safeParse(value);
  return parsed?.success ? withoutEmptyTexts(parsed.data as TOrganisationTexts) : {};
}
