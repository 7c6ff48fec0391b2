// TEMPORARY: replaced by the erasure branch at merge
import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { fulfilmentRuns, fulfilmentSourceResults } from '@/db/schema';
import { AppError } from '@/lib/errors/app-error';
import { changeRequest } from '@/lib/requests/change-request';
import type { StaffActor } from '@/lib/staff/staff-actor';
import { recordSourceOutcome } from './record-source-outcome';

/** An agent confirms a manual checklist item (a system with no API) with a note saying what they checked or did. */
export async function confirmManualSource(
  db: Database,
  { actor, reference, version, resultId, note, now = new Date() }: { actor: StaffActor; reference: string; version: number; resultId: string; note: string; now?: Date },
): Promise<void> {
  await changeRequest(db, { actor, permission: 'requests.work', reference, expectedVersion: version }, async (tx, request) => {
    const [found] = await tx
      .select({ status: fulfilmentSourceResults.status, kind: fulfilmentSourceResults.sourceKind })
      .from(fulfilmentSourceResults)
      .innerJoin(fulfilmentRuns, eq(fulfilmentRuns.id, fulfilmentSourceResults.runId))
      .where(and(eq(fulfilmentSourceResults.id, resultId), eq(fulfilmentRuns.requestId, request.id)))
      .for('update');
    if (!found || found.kind !== 'manual') throw new AppError('NOT_FOUND', 'No such checklist item for this request.');
    if (found.status !== 'awaiting_confirmation') throw new AppError('INVALID_TRANSITION', 'This checklist item was already confirmed.');
    await recordSourceOutcome(tx, { resultId, outcome: { status: 'succeeded', rowCounts: {} }, actor: { type: 'staff', staffId: actor.staffId }, note, now });
  });
}
