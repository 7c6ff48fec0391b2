import { eq } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '@/db/client';
import { settings } from '@/db/schema';
import { type TNetworkSettings, ZNetworkSettings } from '@/lib/validation/network-settings';

export const NETWORK_SETTINGS_KEY = 'network';

/** Off until an admin turns it on: sources may reach public addresses only. */
const DEFAULT_NETWORK_SETTINGS: TNetworkSettings = { allowPrivateTargets: false };

export async function findSavedNetworkSettings(db: DatabaseOrTransaction): Promise<TNetworkSettings | null> {
  const [row] = await db.select().from(settings).where(eq(settings.key, NETWORK_SETTINGS_KEY));
  const parsed = row ? ZNetworkSettings.safeParse(row.value) : null;
  return parsed?.success ? parsed.data : null;
}

export async function getNetworkSettings(db: DatabaseOrTransaction): Promise<TNetworkSettings> {
  return (await findSavedNetworkSettings(db)) ?? DEFAULT_NETWORK_SETTINGS;
}
