import type { Database } from '@/db/client';
import { changeRequest } from '@/lib/requests/change-request';
import type { StaffActor } from '@/lib/staff/staff-actor';
import { startStaffRun } from './start-staff-run';

export type StartOptOutOptions = { actor: StaffActor; reference: string; version: number; now?: Date };

/**
 * Applies an opt-out (sale or sharing, targeted advertising, sensitive information, marketing) in
 * every source that holds it: a database source's map action, a signed `opt_out` job to each
 * webhook source, a checklist item for each manual one. When all are done the request closes as
 * fulfilled and the requester is told (complete-opt-out.ts).
 */
export async function startOptOut(
  db: Database,
  { actor, reference, version, now = new Date() }: StartOptOutOptions,
): Promise<{ runId: string }> {
  return changeRequest(db, { actor, permission: 'requests.work', reference, expectedVersion: version }, (tx, request) =>
    startStaffRun(tx, { actor, request, kind: 'opt_out', now }),
  );
}
