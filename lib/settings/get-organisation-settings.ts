import { eq } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '@/db/client';
import { settings } from '@/db/schema';
import { env } from '@/lib/env';
import { type TOrganisationSettings, ZOrganisationSettings } from '@/lib/validation/organisation-settings';

export const ORGANISATION_SETTINGS_KEY = 'organisation';

/** What an admin saved on the settings page, or null on an install where nobody has yet. */
export async function findSavedOrganisationSettings(db: DatabaseOrTransaction): Promise<TOrganisationSettings | null> {
  const [row] = await db.select().from(settings).where(eq(settings.key, ORGANISATION_SETTINGS_KEY));
  return parseSavedOrganisationSettings(row?.value);
}

/** The stored value of the settings row (undefined when there is none), or null when it is missing or unreadable. */
export function parseSavedOrganisationSettings(value: unknown): TOrganisationSettings | null {
  const parsed = value === undefined ? null : ZOrganisationSettings.safeParse(value);
  return parsed?.success ? parsed.data : null;
}

/** The settings admins edit, falling back to the environment's defaults until they do. */
export async function getOrganisationSettings(db: DatabaseOrTransaction): Promise<TOrganisationSettings> {
  return organisationSettingsOrDefaults(await findSavedOrganisationSettings(db));
}

export function organisationSettingsOrDefaults(saved: TOrganisationSettings | null): TOrganisationSettings {
  if (saved) return saved;
  const { ORGANISATION_NAME, MAIL_FROM } = env();
  const sender = /^(.*?)\s*<([^>]+)>$/.exec(MAIL_FROM);
  return {
    organisationName: ORGANISATION_NAME,
    senderName: ORGANISATION_NAME,
    senderEmail: sender?.[2] ?? MAIL_FROM,
    downloadDays: 7,
    maxDownloads: 10,
    copyWaitDays: 7,
    auditRetentionMonths: 24,
    personalDataRetentionDays: 365,
  };
}
