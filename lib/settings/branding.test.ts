import { describe, expect, it } from 'vitest';
import { renderEmail } from '@/emails/render-email';
import { previewProps as erasurePreview } from '@/emails/erasure-confirmed';
import type { StaffActor } from '@/lib/staff/staff-actor';
import { ZBrandingForm } from '@/lib/validation/branding';
import { useStaffTeam } from '@/test/support/staff';
import { useTestDatabase } from '@/test/support/test-database';
import { getBranding, getStoredBranding } from './get-branding';
import { updateBranding } from './update-branding';

const db = useTestDatabase();
const team: Record<'admin' | 'agent' | 'auditor', StaffActor> = useStaffTeam(db);

// The smallest PNG: a 1×1 transparent pixel.
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

describe('[admin] branding', () => {
  it('an accent colour must keep white text readable; a logo must be a real image, not an SVG', async () => {
    expect(ZBrandingForm.safeParse({ accentColour: '#ffcc00' }).error?.issues[0]?.message).toMatch(/Choose a darker colour/);
    expect(ZBrandingForm.safeParse({ accentColour: 'teal' }).error?.issues[0]?.message).toMatch(/#rrggbb/);
    expect(ZBrandingForm.parse({ accentColour: '#0B5CAD' })).toEqual({ accentColour: '#0b5cad', removeLogo: false });

    const svg = new File(['<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'], 'logo.png', { type: 'image/png' });
    await expect(updateBranding(db, { actor: team.admin, input: { removeLogo: false }, logo: svg })).rejects.toMatchObject({
      code: 'VALIDATION',
      details: { fieldErrors: { logo: ['Upload a PNG, JPEG, GIF or WebP image'] } },
    });
    await expect(updateBranding(db, { actor: team.agent, input: { removeLogo: false }, logo: null })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('saves the logo and colour, keeps the logo on a later save, removes it on request; emails carry both', async () => {
    await updateBranding(db, {
      actor: team.admin,
      input: { accentColour: '#0b5cad', removeLogo: false },
      logo: new File([png], 'logo.png'),
    });
    const saved = await getBranding(db);
    expect(saved).toEqual({ accentColour: '#0b5cad', logoPath: expect.stringMatching(/^\/branding\/logo\?v=[0-9a-f]{16}$/) });
    expect((await getStoredBranding(db)).logo).toEqual({ contentType: 'image/png', base64: png.toString('base64') });

    await updateBranding(db, { actor: team.admin, input: { accentColour: '#7a1f5c', removeLogo: false }, logo: null });
    expect(await getBranding(db)).toEqual({ accentColour: '#7a1f5c', logoPath: saved.logoPath });

    const { html } = await renderEmail(
      { template: 'erasure-confirmed', version: 1, props: erasurePreview },
      { logoUrl: `https://privacy.example.com${saved.logoPath}`, accentColour: '#7a1f5c' },
    );
    expect(html).toContain(`src="https://privacy.example.com${saved.logoPath}"`);
    expect(html).toContain('background-color:#7a1f5c');

    await updateBranding(db, { actor: team.admin, input: { removeLogo: true }, logo: null });
    expect(await getBranding(db)).toEqual({ accentColour: null, logoPath: null });
  });
});
