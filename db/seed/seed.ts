import type { Database } from '../client';
import { seedJurisdictionPolicies } from './seed-jurisdiction-policies';

/** Everything a fresh install needs before its first request. Seeds nothing personal. */
export async function seed(db: Database): Promise<void> {
  await seedJurisdictionPolicies(db);
}
