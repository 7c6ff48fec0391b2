import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { DatabaseOrTransaction } from '@/db/client';
import { settings } from '@/db/schema';
import { logoTypes } from '@/lib/validation/branding';

export const BRANDING_SETTINGS_KEY = 'branding';

const ZStoredBranding = z.object({
  accentColour: z
    .string()
    .regex(/^#[0-9a-f]{6}$/)
    .optional(),
  logo: z.object({ contentType: z.enum(logoTypes), base64: z.string() }).optional(),
});

export type StoredBranding = z.infer<typeof ZStoredBranding>;

/** What pages and emails show: the accent colour, and the logo's path with a version (its hash) so caches never serve an old one. */
export type Branding = { accentColour: string | null; logoPath: string | null };

export async function getStoredBranding(db: DatabaseOrTransaction): Promise<StoredBranding> {
  const [row] = await db.select().from(settings).where(eq(settings.key, BRANDING_SETTINGS_KEY));
  return parseStoredBranding(row?.value);
}

/** The stored value of the branding row (undefined when there is none); no branding when it is missing or unreadable. */
export function parseStoredBranding(value: unknown): StoredBranding {
  const parsed = value === undefined ? null : ZStoredBranding.safeParse(value);
  return parsed?.success ? parsed.data : {};
}

export async function getBranding(db: DatabaseOrTransaction): Promise<Branding> {
  return brandingFrom(await getStoredBranding(db));
}

export function brandingFrom(stored: StoredBranding): Branding {
  return {
    accentColour: stored.accentColour ?? null,
    logoPath: stored.logo ? `/branding/logo?v=${createHash('sha256').update(stored.logo.base64).digest('hex').slice(0, 16)}` : null,
  };
}
