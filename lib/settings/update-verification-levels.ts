import type { Database } from '@/db/client';
import { settings } from '@/db/schema';
import { recordEvent } from '@/lib/audit/record-event';
import { assertCan, type StaffActor } from '@/lib/staff/staff-actor';
import { requestTypeRules, requestTypes } from '@/lib/validation/request-type';
import type { TVerificationRequirement, VerificationLevel } from '@/lib/validation/verification-levels';
import { getVerificationLevelSettings, VERIFICATION_SETTINGS_KEY } from './get-verification-level-settings';

export type UpdateVerificationLevelsOptions = {
  actor: StaffActor;
  jurisdiction: string;
  maxTries: number;
  evidenceRetentionDays: number;
  levels: Partial<Record<string, { level: VerificationLevel; dataPoints: number }>>;
};

/** An admin sets one regime's level per request type (and the shared tries and evidence retention). Audited with before and after. */
export async function updateVerificationLevels(
  db: Database,
  { actor, jurisdiction, maxTries, evidenceRetentionDays, levels }: UpdateVerificationLevelsOptions,
): Promise<void> {
  assertCan(actor, 'settings.manage');
  await db.transaction(async (tx) => {
    const before = await getVerificationLevelSettings(tx);
    const regime: Record<string, TVerificationRequirement> = {};
    for (const type of requestTypes) {
      const chosen = levels[type];
      // Opt-outs never need more than the email link: whatever the form sends, none is stored.
      if (!chosen || requestTypeRules[type].isOptOut) continue;
      regime[type] = chosen;
    }
    const after = { maxTries, evidenceRetentionDays, levels: { ...before.levels, [jurisdiction]: regime } };
    await tx
      .insert(settings)
      .values({ key: VERIFICATION_SETTINGS_KEY, value: after })
      .onConflictDoUpdate({ target: settings.key, set: { value: after, updatedAt: new Date() } });
    await recordEvent(tx, {
      requestId: null,
      actor: { type: 'staff', staffId: actor.staffId },
      action: 'settings_changed',
      details: {
        key: VERIFICATION_SETTINGS_KEY,
        jurisdiction,
        before: before.levels[jurisdiction] ?? {},
        after: regime,
        maxTries,
        evidenceRetentionDays,
      },
    });
  });
}
