import type { DatabaseOrTransaction } from '@/db/client';
import { listJurisdictionPolicies } from '@/db/queries/jurisdiction-policies';

/** The regions the request form offers, in the order admins set. */
export async function listJurisdictionOptions(db: DatabaseOrTransaction): Promise<{ code: string; label: string }[]> {
  const rows = await listJurisdictionPolicies(db);
  return rows.map((row) => ({ code: row.code, label: row.policy.label }));
}
