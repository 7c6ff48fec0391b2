import type { Database } from '../client';
import { jurisdictionPolicies } from '../schema';
import { defaultPolicies } from '@/lib/deadlines/default-policies';

/**
 * Inserts the default deadline policy of each jurisdiction the form offers.
 * Rows already present are left alone: an admin's edits survive restarts.
 */
export async function seedJurisdictionPolicies(db: Database): Promise<void> {
  const rows = Object.entries(defaultPolicies).map(([code, policy], index) => ({ code, policy, sortOrder: index }));
  await db.insert(jurisdictionPolicies).values(rows).onConflictDoNothing({ target: jurisdictionPolicies.code });
}
