// TEMPORARY: replaced by the erasure branch at merge
import type { Database } from '@/db/client';
import { changeRequest } from '@/lib/requests/change-request';
import { startWorkIfNew } from '@/lib/requests/start-work-if-new';
import type { StaffActor } from '@/lib/staff/staff-actor';
import { startFulfilmentRun } from './start-fulfilment-run';

/** Counts, per source and table, what erasure would delete, anonymise or keep; changes nothing in the sources. */
export async function startDryRun(db: Database, { actor, reference, version, now = new Date() }: { actor: StaffActor; reference: string; version: number; now?: Date }): Promise<{ runId: string }> {
  return changeRequest(db, { actor, permission: 'requests.work', reference, expectedVersion: version }, async (tx, locked) => {
    const request = await startWorkIfNew(tx, { request: locked, actor, now });
    return startFulfilmentRun(tx, { request, kind: 'dry_run', staffId: actor.staffId, now });
  });
}
