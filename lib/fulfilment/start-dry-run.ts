import type { Database } from '@/db/client';
import { changeRequest } from '@/lib/requests/change-request';
import type { StaffActor } from '@/lib/staff/staff-actor';
import { startStaffRun } from './start-staff-run';

export type StartDryRunOptions = { actor: StaffActor; reference: string; version: number; now?: Date };

/**
 * Counts, per source and table, what erasure would delete, anonymise or keep,
 * without changing anything: the agent reads it before pressing Erase.
 */
export async function startDryRun(
  db: Database,
  { actor, reference, version, now = new Date() }: StartDryRunOptions,
): Promise<{ runId: string }> {
  return changeRequest(db, { actor, permission: 'requests.work', reference, expectedVersion: version }, (tx, request) =>
    startStaffRun(tx, { actor, request, kind: 'dry_run', now }),
  );
}
