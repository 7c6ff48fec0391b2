import { describe, expect, it } from 'vitest';
import type { StaffActor } from '@/lib/staff/staff-actor';
import { renamedOrganisation } from '@/test/support/fixtures';
import { useStaffTeam } from '@/test/support/staff';
import { useTestDatabase } from '@/test/support/test-database';
import { getBranding } from './get-branding';
import { getEmailSettings } from './get-email-settings';
import { getMailSender } from './get-mail-sender';
import { getOrganisationSettings } from './get-organisation-settings';
import { getOrganisationTexts } from './get-organisation-texts';
import { updateBranding } from './update-branding';
import { updateOrganisationSettings } from './update-organisation-settings';
import { updateOrganisationTexts } from './update-organisation-texts';

const db = useTestDatabase();
const team: Record<'admin' | 'agent' | 'auditor', StaffActor> = useStaffTeam(db);

/** What the four getters answer, one query each: what the worker read per email before the single read. */
async function eachOnItsOwn() {
  const [organisation, texts, branding, sender] = await Promise.all([
    getOrganisationSettings(db),
    getOrganisationTexts(db),
    getBranding(db),
    getMailSender(db),
  ]);
  return { organisation, texts, branding, sender };
}

describe('[worker] the settings an email is rendered with, read in one query', () => {
  it('match what each setting reads on its own, before an admin saves anything and after', async () => {
    const before = await getEmailSettings(db);
    expect(before).toEqual(await eachOnItsOwn());
    expect(before.texts).toEqual({});
    expect(before.branding).toEqual({ accentColour: null, logoPath: null });

    await updateOrganisationSettings(db, {
      actor: team.admin,
      input: renamedOrganisation,
    });
    await updateOrganisationTexts(db, { actor: team.admin, input: { 'de.signOff': 'Ihr Datenschutzteam' } });
    await updateBranding(db, { actor: team.admin, input: { accentColour: '#0b5cad', removeLogo: false }, logo: null });

    const after = await getEmailSettings(db);
    expect(after).toEqual(await eachOnItsOwn());
    expect(after).toMatchObject({
      organisation: { organisationName: 'Fjordline Bikes AS' },
      texts: { 'de.signOff': 'Ihr Datenschutzteam' },
      branding: { accentColour: '#0b5cad' },
      sender: { name: 'Fjordline Privacy Team', address: 'privacy@fjordline.test' },
    });
  });
});
