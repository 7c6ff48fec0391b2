import { inArray } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '@/db/client';
import { preparedOncePerHandle } from '@/db/prepare-once';
import { settings } from '@/db/schema';
import type { TOrganisationSettings } from '@/lib/validation/organisation-settings';
import type { TOrganisationTexts } from '@/lib/validation/organisation-texts';
import { BRANDING_SETTINGS_KEY, type Branding, brandingFrom, parseStoredBranding } from './get-branding';
import { type MailSender, mailSenderFrom } from './get-mail-sender';
import { ORGANISATION_SETTINGS_KEY, organisationSettingsOrDefaults, parseSavedOrganisationSettings } from './get-organisation-settings';
import { ORGANISATION_TEXTS_KEY, parseOrganisationTexts } from './get-organisation-texts';

export type EmailSettings = {
  organisation: TOrganisationSettings;
  texts: TOrganisationTexts;
  branding: Branding;
  sender: MailSender;
};

/**
 * Everything an email needs from the settings (organisation, per-language texts, branding, the From
 * header) in one query, read at send time: the worker renders every email with it, and one round trip
 * instead of four is a good part of an email's database time. Each value reads as its own getter would.
 */
export async function getEmailSettings(db: DatabaseOrTransaction): Promise<EmailSettings> {
  const rows = await readStatementFor(db).execute();
  const stored = new Map(rows.map((row) => [row.key, row.value as unknown]));
  const saved = parseSavedOrganisationSettings(stored.get(ORGANISATION_SETTINGS_KEY));
  return {
    organisation: organisationSettingsOrDefaults(saved),
    texts: parseOrganisationTexts(stored.get(ORGANISATION_TEXTS_KEY)),
    branding: brandingFrom(parseStoredBranding(stored.get(BRANDING_SETTINGS_KEY))),
    sender: mailSenderFrom(saved),
  };
}

/** The read as a prepared drizzle query, built once per database handle (the worker runs it for every email). */
function buildReadStatement(db: DatabaseOrTransaction) {
  return db
    .select({ key: settings.key, value: settings.value })
    .from(settings)
    .where(inArray(settings.key, [ORGANISATION_SETTINGS_KEY, ORGANISATION_TEXTS_KEY, BRANDING_SETTINGS_KEY]))
    .prepare('read_email_settings');
}

const readStatementFor = preparedOncePerHandle(buildReadStatement);
