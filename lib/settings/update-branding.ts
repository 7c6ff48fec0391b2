import { createHash } from 'node:crypto';
import type { Database } from '@/db/client';
import { settings } from '@/db/schema';
import { recordEvent } from '@/lib/audit/record-event';
import { AppError } from '@/lib/errors/app-error';
import { assertCan, type StaffActor } from '@/lib/staff/staff-actor';
import { type LogoType, MAX_LOGO_BYTES, type TBrandingForm } from '@/lib/validation/branding';
import { BRANDING_SETTINGS_KEY, getStoredBranding, type StoredBranding } from './get-branding';

/** The image type from the file's first bytes; null for anything else (an SVG, a renamed document). */
export function sniffLogoType(bytes: Buffer): LogoType | null {
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.subarray(0, 6).toString('latin1') === 'GIF87a' || bytes.subarray(0, 6).toString('latin1') === 'GIF89a') return 'image/gif';
  if (bytes.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WEBP') return 'image/webp';
  return null;
}

/**
 * Saves the accent colour and the logo (replaced by an upload, removed on request, else kept).
 * The logo is kept in the settings row, small by rule, and served at /branding/logo: from
 * our own origin, so the pages' content policy needs no outside image host. SVG is refused:
 * it can carry scripts when opened on its own.
 */
export async function updateBranding(
  db: Database,
  { actor, input, logo }: { actor: StaffActor; input: TBrandingForm; logo: File | null },
): Promise<void> {
  assertCan(actor, 'settings.manage');
  let uploaded: StoredBranding['logo'];
  if (logo && logo.size > 0) {
    if (logo.size > MAX_LOGO_BYTES)
      throw new AppError('VALIDATION', 'The logo is too large.', {
        field: 'logo',
        fieldErrors: { logo: ['Use a logo of 200 KB or less'] },
      });
    const bytes = Buffer.from(await logo.arrayBuffer());
    const contentType = sniffLogoType(bytes);
    if (!contentType)
      throw new AppError('VALIDATION', 'The logo is not an image we can show.', {
        fieldErrors: { logo: ['Upload a PNG, JPEG, GIF or WebP image'] },
      });
    uploaded = { contentType, base64: bytes.toString('base64') };
  }
  await db.transaction(async (tx) => {
    const before = await getStoredBranding(tx);
    const next: StoredBranding = {
      ...(input.accentColour ? { accentColour: input.accentColour } : {}),
      ...(uploaded ? { logo: uploaded } : input.removeLogo || !before.logo ? {} : { logo: before.logo }),
    };
    await tx
      .insert(settings)
      .values({ key: BRANDING_SETTINGS_KEY, value: next })
      .onConflictDoUpdate({ target: settings.key, set: { value: next, updatedAt: new Date() } });
    const digest = (branding: StoredBranding) => ({
      accentColour: branding.accentColour ?? null,
      logoSha256: branding.logo ? createHash('sha256').update(branding.logo.base64).digest('hex') : null,
    });
    // The audit trail names the logo by its checksum: the image itself is not a setting anyone reads in an event.
    await recordEvent(tx, {
      requestId: null,
      actor: { type: 'staff', staffId: actor.staffId },
      action: 'settings_changed',
      details: { key: BRANDING_SETTINGS_KEY, before: digest(before), after: digest(next) },
    });
  });
}
