import { eq } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '@/db/client';
import { settings } from '@/db/schema';
import { type TVerificationLevelSettings, ZVerificationLevelSettings } from '@/lib/validation/verification-levels';

export const VERIFICATION_SETTINGS_KEY = 'verification_levels';

/** The levels admins chose per regime and request type, the tries allowed and the evidence retention; defaults until saved. */
export async function getVerificationLevelSettings(db: DatabaseOrTransaction): Promise<TVerificationLevelSettings> {
  const [row] = await db.select().from(settings).where(eq(settings.key, VERIFICATION_SETTINGS_KEY));
  const parsed = ZVerificationLevelSettings.safeParse(row?.value ?? {});
  return parsed.success ? parsed.data : ZVerificationLevelSettings.parse({});
}
