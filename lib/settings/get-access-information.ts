import { eq } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '@/db/client';
import { settings } from '@/db/schema';
import { type TLocalisedAccessInformation, ZLocalisedAccessInformation } from '@/lib/validation/access-information';
import { withoutEmptyTexts } from '@/lib/validation/localised-texts';

/** The settings row of a regime's access information: one per jurisdiction code. */
export function accessInformationKey(jurisdiction: string): string {
  return `access-information:${jurisdiction}`;
}

/**
 * The Art. 15 information an admin wrote for a regime, per language, or an empty object until they do.
 * Read by the package builder, the status page (complaint authority) and the settings pages; readers get
 * their language's through localiseAccessInformation.
 */
export async function getAccessInformation(db: DatabaseOrTransaction, jurisdiction: string): Promise<TLocalisedAccessInformation> {
  const [row] = await db
    .select()
    .from(settings)
    .where(eq(settings.key, accessInformationKey(jurisdiction)));
  const parsed = row ? ZLocalisedAccessInformation.safeParse(row.value) : null;
  return parsed?.success ? withoutEmptyTexts(parsed.data as TLocalisedAccessInformation) : {};
}
