import type { Database } from '@/db/client';
import { changeRequest } from '@/lib/requests/change-request';
import type { StaffActor } from '@/lib/staff/staff-actor';
import { startStaffRun } from './start-staff-run';

export type StartCorrectionJobsOptions = { actor: StaffActor; reference: string; version: number; now?: Date };

/**
 * Sends a correction request to the systems an agent cannot correct value by value: each webhook
 * source gets a signed `correct` job with the requester's description, each checklist source an
 * item to confirm. Database sources are corrected on the page (apply-correction.ts).
 */
export async function startCorrectionJobs(
  db: Database,
  { actor, reference, version, now = new Date() }: StartCorrectionJobsOptions,
): Promise<{ runId: string }> {
  return changeRequest(db, { actor, permission: 'requests.work', reference, expectedVersion: version }, (tx, request) =>
    startStaffRun(tx, { actor, request, kind: 'correct', now }),
  );
}
