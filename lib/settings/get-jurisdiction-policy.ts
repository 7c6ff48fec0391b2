import type { DatabaseOrTransaction } from '@/db/client';
import { findJurisdictionPolicy } from '@/db/queries/jurisdiction-policies';
import { assertCan, type StaffActor } from '@/lib/staff/staff-actor';
import { type JurisdictionPolicyView, lawDefaultFor } from './list-jurisdiction-policies';

/** One policy for its edit page; null when no such region exists. */
export async function getJurisdictionPolicy(
  db: DatabaseOrTransaction,
  { actor, code }: { actor: StaffActor; code: string },
): Promise<JurisdictionPolicyView | null> {
  assertCan(actor, 'settings.manage');
  const row = await findJurisdictionPolicy(db, { code });
  return row ? { code: row.code, policy: row.policy, lawDefault: lawDefaultFor(row.code), updatedAt: row.updatedAt } : null;
}
