import type { Database } from '@/db/client';
import { settings } from '@/db/schema';
import { recordEvent } from '@/lib/audit/record-event';
import { assertCan, type StaffActor } from '@/lib/staff/staff-actor';
import type { TOrganisationSettings } from '@/lib/validation/organisation-settings';
import { getOrganisationSettings, ORGANISATION_SETTINGS_KEY } from './get-organisation-settings';

export async function updateOrganisationSettings(
  db: Database,
  { actor, input }: { actor: StaffActor; input: TOrganisationSettings },
): Promise<void> {
  assertCan(actor, 'settings.manage');
  await db.transaction(async (tx) => {
    const before = await getOrganisationSettings(tx);
    await tx
      .insert(settings)
      .values({ key: ORGANISATION_SETTINGS_KEY, value: input })
      .onConflictDoUpdate({ target: settings.key, set: { value: input, updatedAt: new Date() } });
    await recordEvent(tx, {
      requestId: null,
      actor: { type: 'staff', staffId: actor.staffId },
      action: 'settings_changed',
      details: { key: ORGANISATION_SETTINGS_KEY, before, after: input },
    });
  });
}
