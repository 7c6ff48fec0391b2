import type { Database } from '@/db/client';

/** PLACEHOLDER owned by the gather work: assembles a gather run's staged files into the package ZIP. */
export async function buildPackage(_db: Database, _options: { runId: string }): Promise<void> {
  throw new Error('buildPackage is not implemented yet');
}
