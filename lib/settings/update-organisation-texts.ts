import type { Database } from '@/db/client';
import { settings } from '@/db/schema';
import { recordEvent } from '@/lib/audit/record-event';
import { assertCan, type StaffActor } from '@/lib/staff/staff-actor';
import { withoutEmptyTexts } from '@/lib/validation/localised-texts';
import type { TOrganisationTexts } from '@/lib/validation/organisation-texts';
import { getOrganisationTexts, ORGANISATION_TEXTS_KEY } from './get-organisation-texts';

/** Saves the per-language contact, privacy notice and sign-off; the change is in the audit trail like every setting. */
export async function updateOrganisationTexts(
  db: Database,
  { actor, input }: { actor: StaffActor; input: TOrganisationTexts },
): Promise<void> {
  assertCan(actor, 'settings.manage');
  const value = withoutEmptyTexts(input);
  await db.transaction(async (tx) => {
    const before = await getOrganisationTexts(tx);
    await tx
      .insert(settings)
      .values({ key: ORGANISATION_TEXTS_KEY, value })
      .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: new Date() } });
    await recordEvent(tx, {
      requestId: null,
      actor: { type: 'staff', staffId: actor.staffId },
      action: 'settings_changed',
      details: { key: ORGANISATION_TEXTS_KEY, before, after: value },
    });
  });
}
