import type { Database } from '@/db/client';
import { AppError } from '@/lib/errors/app-error';
import { changeRequest } from '@/lib/requests/change-request';
import type { StaffActor } from '@/lib/staff/staff-actor';
import { type ProcessingFlagRunKind, processingFlagRunOf } from './processing-flag-runs';
import { startStaffRun } from './start-staff-run';

export type StartProcessingFlagRunOptions = { actor: StaffActor; reference: string; version: number; now?: Date };

/**
 * Applies an opt-out (sale or sharing, targeted advertising, sensitive information, marketing), a
 * restriction (GDPR Art. 18) or an objection (Art. 21) in every source that holds the data: a
 * database source's map action for the type, a signed job (`opt_out`, `restrict` or `object`) to
 * each webhook source, a checklist item for each manual one. When all are done the request closes
 * as fulfilled and the requester is told (settle-run.ts).
 */
export async function startProcessingFlagRun(
  db: Database,
  { actor, reference, version, now = new Date() }: StartProcessingFlagRunOptions,
): Promise<{ runId: string; kind: ProcessingFlagRunKind }> {
  return changeRequest(db, { actor, permission: 'requests.work', reference, expectedVersion: version }, async (tx, request) => {
    const kind = processingFlagRunOf(request.type);
    if (!kind)
      throw new AppError('INVALID_TRANSITION', 'Only an opt-out, a restriction or an objection is applied in your systems this way.');
    const { runId } = await startStaffRun(tx, { actor, request, kind, now });
    return { runId, kind };
  });
}
