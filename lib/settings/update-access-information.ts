import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { jurisdictionPolicies, settings } from '@/db/schema';
import { recordEvent } from '@/lib/audit/record-event';
import { AppError } from '@/lib/errors/app-error';
import { assertCan, type StaffActor } from '@/lib/staff/staff-actor';
import type { TLocalisedAccessInformation } from '@/lib/validation/access-information';
import { withoutEmptyTexts } from '@/lib/validation/localised-texts';
import { accessInformationKey, getAccessInformation } from './get-access-information';

/** Saves a regime's Art. 15 information in every language written; packages built from now on carry it. */
export async function updateAccessInformation(
  db: Database,
  { actor, code, information }: { actor: StaffActor; code: string; information: TLocalisedAccessInformation },
): Promise<void> {
  assertCan(actor, 'settings.manage');
  const value = withoutEmptyTexts(information);
  await db.transaction(async (tx) => {
    const [policy] = await tx
      .select({ code: jurisdictionPolicies.code })
      .from(jurisdictionPolicies)
      .where(eq(jurisdictionPolicies.code, code));
    if (!policy) throw new AppError('NOT_FOUND', 'No such jurisdiction.');
    const key = accessInformationKey(code);
    const before = await getAccessInformation(tx, code);
    await tx
      .insert(settings)
      .values({ key, value })
      .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: new Date() } });
    await recordEvent(tx, {
      requestId: null,
      actor: { type: 'staff', staffId: actor.staffId },
      action: 'settings_changed',
      details: { key, before, after: value },
    });
  });
}
