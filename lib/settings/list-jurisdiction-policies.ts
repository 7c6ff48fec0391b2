import type { DatabaseOrTransaction } from '@/db/client';
import { listJurisdictionPolicies as listPolicyRows } from '@/db/queries/jurisdiction-policies';
import { defaultPolicies } from '@/lib/deadlines/default-policies';
import { assertCan, type StaffActor } from '@/lib/staff/staff-actor';
import type { TDeadlinePolicy } from '@/lib/validation/deadline-policy';
import { type JurisdictionCode, jurisdictionCodes } from '@/lib/validation/jurisdiction';

export type JurisdictionPolicyView = {
  code: string;
  policy: TDeadlinePolicy;
  /** What the law (or, for "other", the product) sets, for comparison; null for a region added by hand. */
  lawDefault: TDeadlinePolicy | null;
  updatedAt: Date;
};

export function lawDefaultFor(code: string): TDeadlinePolicy | null {
  return (jurisdictionCodes as readonly string[]).includes(code) ? defaultPolicies[code as JurisdictionCode] : null;
}

/** The deadline policies admins edit, each beside the default it was seeded from. */
export async function listJurisdictionPolicies(
  db: DatabaseOrTransaction,
  { actor }: { actor: StaffActor },
): Promise<JurisdictionPolicyView[]> {
  assertCan(actor, 'settings.manage');
  const rows = await listPolicyRows(db);
  return rows.map((row) => ({ code: row.code, policy: row.policy, lawDefault: lawDefaultFor(row.code), updatedAt: row.updatedAt }));
}
