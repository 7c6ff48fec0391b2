import type { Transaction } from '@/db/client';
import type { RequestRow } from '@/db/schema';
import { applyStartWork } from '@/lib/requests/start-work';
import type { StaffActor } from '@/lib/staff/staff-actor';
import { type FulfilmentRunKind, startFulfilmentRun } from './start-fulfilment-run';

export type StartStaffRunOptions = { actor: StaffActor; request: RequestRow; kind: FulfilmentRunKind; now: Date };

/**
 * A run an agent starts from the request page. Pressing it on a `new` request is
 * starting work on it, so the request moves to in progress exactly as "Start work"
 * would (same transition, same event) before the run begins. The caller holds the
 * request's row lock (changeRequest).
 */
export async function startStaffRun(tx: Transaction, { actor, request, kind, now }: StartStaffRunOptions): Promise<{ runId: string }> {
  const current = request.status === 'new' ? await applyStartWork(tx, { actor, request, now }) : request;
  return startFulfilmentRun(tx, { request: current, kind, staffId: actor.staffId, now });
}
