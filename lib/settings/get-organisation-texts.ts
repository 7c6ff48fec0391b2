import { eq } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '@/db/client';
import { settings } from '@/db/schema';
import { withoutEmptyTexts } from '@/lib/validation/localised-texts';
import { type TOrganisationTexts, ZOrganisationTexts } from '@/lib/validation/organisation-texts';

export const ORGANISATION_TEXTS_KEY = 'organisation_texts';

/** The per-language texts an admin saved (none on a new install). */
export async function getOrganisationTexts(db: DatabaseOrTransaction): Promise<TOrganisationTexts> {
  const [row] = await db.select().from(settings).where(eq(settings.key, ORGANISATION_TEXTS_KEY));
  const parsed = row ? ZOrganisationTexts.safeParse(row.value) : null;
  return parsed?.success ? withoutEmptyTexts(parsed.data as TOrganisationTexts) : {};
}
