import { eq } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '@/db/client';
import { settings } from '@/db/schema';
import { env } from '@/lib/env';
import { type TOrganisationSettings, ZOrganisationSettings } from '@/lib/validation/organisation-settings';

export const ORGANISATION_SETTINGS_KEY = 'organisation';

/** The settings admins edit, falling back to the environment's defaults until they do. */
export async function getOrganisationSettings(db: DatabaseOrTransaction): Promise<TOrganisationSettings> {
  const [row] = await db.select().from(settings).where(eq(settings.key, ORGANISATION_SETTINGS_KEY));
  const parsed = row ? ZOrganisationSettings.safeParse(row.value) : null;
  if (parsed?.success) return parsed.data;
  const { ORGANISATION_NAME, MAIL_FROM } = env();
  const sender = /^(.*?)\s*<([^>]+)>$/.exec(MAIL_FROM);
  return {
    organisationName: ORGANISATION_NAME,
    senderName: sender?.[1]?.replace(/"/g, '') || ORGANISATION_NAME,
    senderEmail: sender?.[2] ?? MAIL_FROM,
    downloadDays: 7,
    maxDownloads: 10,
  };
}
