import { z } from 'zod';
import { text } from './text';

/** The largest logo an admin can upload: it is sent with every public page and email. */
export const MAX_LOGO_BYTES = 200 * 1024;

/** Image types a logo may be, recognised by their first bytes (never by the name or the browser's claim). */
export const logoTypes = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;
export type LogoType = (typeof logoTypes)[number];

/** WCAG 2.x relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const channels = [1, 3, 5].map((start) => Number.parseInt(hex.slice(start, start + 2), 16) / 255);
  const [red, green, blue] = channels.map((value) => (value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4)) as [
    number,
    number,
    number,
  ];
  return 0.2126 * red + 0.7152 * green + 0.0722 * blue;
}

/** Contrast of white text on the colour (buttons and links are white on the accent, or the accent on white). */
export function contrastWithWhite(hex: string): number {
  return 1.05 / (luminance(hex) + 0.05);
}

/**
 * The branding form on the settings page: an accent colour (buttons, links, the header
 * rule on public pages and in emails) that keeps white text readable (WCAG AA, 4.5:1),
 * and whether to remove the uploaded logo. The logo file itself is checked by the use case.
 */
export const ZBrandingForm = z.strictObject({
  accentColour: z.preprocess(
    (value) =>
      typeof value === 'string' && value.trim() === '' ? undefined : typeof value === 'string' ? value.trim().toLowerCase() : value,
    text()
      .max(7)
      .regex(/^#[0-9a-f]{6}$/, 'Enter a colour as #rrggbb, e.g. #0b5cad')
      .refine((hex) => contrastWithWhite(hex) >= 4.5, 'Choose a darker colour: white text on it must be readable (contrast 4.5:1 or more)')
      .optional(),
  ),
  removeLogo: z.preprocess((value) => value === 'on', z.boolean()),
});

export type TBrandingForm = z.infer<typeof ZBrandingForm>;
