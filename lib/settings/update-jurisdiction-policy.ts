import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { jurisdictionPolicies } from '@/db/schema';
import { recordEvent } from '@/lib/audit/record-event';
import { AppError } from '@/lib/errors/app-error';
import { assertCan, type StaffActor } from '@/lib/staff/staff-actor';
import type { TDeadlinePolicy } from '@/lib/validation/deadline-policy';

/**
 * Edits a jurisdiction's deadline policy. Applies to requests accepted from now
 * on: each request keeps the policy it was accepted under.
 */
export async function updateJurisdictionPolicy(
  db: Database,
  { actor, code, policy }: { actor: StaffActor; code: string; policy: TDeadlinePolicy },
): Promise<void> {
  assertCan(actor, 'settings.manage');
  await db.transaction(async (tx) => {
    const [existing] = await tx.select().from(jurisdictionPolicies).where(eq(jurisdictionPolicies.code, code)).for('update');
    if (!existing) throw new AppError('NOT_FOUND', 'No such jurisdiction.');
    await tx.update(jurisdictionPolicies).set({ policy, updatedAt: new Date() }).where(eq(jurisdictionPolicies.code, code));
    await recordEvent(tx, {
      requestId: null,
      actor: { type: 'staff', staffId: actor.staffId },
      action: 'policy_changed',
      details: { code, before: existing.policy, after: policy },
    });
  });
}
