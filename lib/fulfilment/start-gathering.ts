import type { Database } from '@/db/client';
import { changeRequest } from '@/lib/requests/change-request';
import type { StaffActor } from '@/lib/staff/staff-actor';
import { startStaffRun } from './start-staff-run';

export type StartGatheringOptions = { actor: StaffActor; reference: string; version: number; now?: Date };

/**
 * An agent presses "Gather data" on an access or export request: a gather run
 * over every enabled source that serves access, whose jobs build the package.
 * Refused (nothing changed) for a closed or deletion request, while a gather is
 * already running, or when no source is enabled.
 */
export async function startGathering(
  db: Database,
  { actor, reference, version, now = new Date() }: StartGatheringOptions,
): Promise<{ runId: string }> {
  return changeRequest(db, { actor, permission: 'requests.work', reference, expectedVersion: version }, (tx, request) =>
    startStaffRun(tx, { actor, request, kind: 'gather', now }),
  );
}
