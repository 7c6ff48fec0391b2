import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { incidents } from '@/db/schema';
import { AppError } from '@/lib/errors/app-error';
import { getNetworkSettings } from '@/lib/settings/get-network-settings';
import { assertCan, type StaffActor } from '@/lib/staff/staff-actor';
import type { TAffectedFilter } from '@/lib/validation/incident-affected';
import { findLookupSource } from './find-lookup-source';
import { withAffectedPeopleReader } from './open-affected-people-reader';

export const DRY_RUN_SAMPLE_SIZE = 10;

export type DryRunAffectedLookupOptions = { actor: StaffActor; reference: string; sourceId: string; filter: TAffectedFilter };

/** How many people a filter finds in one database source, and the first few addresses: reads only, stores nothing. */
export async function dryRunAffectedLookup(
  db: Database,
  { actor, reference, sourceId, filter }: DryRunAffectedLookupOptions,
): Promise<{ people: number; sample: string[] }> {
  assertCan(actor, 'incidents.manage');
  const [incident] = await db.select().from(incidents).where(eq(incidents.reference, reference));
  if (!incident) throw new AppError('NOT_FOUND', 'No such incident.');
  const source = await findLookupSource(db, { incident, sourceId });
  // A webhook may answer only later, by callback: a dry run the page waits on cannot rely on it.
  if (source.kind === 'webhook')
    throw new AppError(
      'VALIDATION',
      `${source.name} is a webhook system: it has no dry run. Choose "Find them"; the count appears when its answer is in.`,
      { field: 'sourceId' },
    );
  const { allowPrivateTargets } = await getNetworkSettings(db);
  return withAffectedPeopleReader(source, { filter, allowPrivateTargets }, async (reader) => ({
    people: await reader.count(),
    sample: await reader.sample(DRY_RUN_SAMPLE_SIZE),
  }));
}
