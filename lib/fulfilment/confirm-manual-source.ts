import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db/client';
import { fulfilmentRuns, fulfilmentSourceResults } from '@/db/schema';
import { AppError } from '@/lib/errors/app-error';
import { changeRequest } from '@/lib/requests/change-request';
import { assertCan, type StaffActor } from '@/lib/staff/staff-actor';
import { ZManualSourceNote } from '@/lib/validation/manual-source-note';
import { recordSourceOutcome } from './record-source-outcome';

export type ConfirmManualSourceOptions = {
  actor: StaffActor;
  reference: string;
  version: number;
  resultId: string;
  note: string;
  now?: Date;
};

/**
 * An agent ticks a manual checklist item (backups, a vendor portal, paper files)
 * with a note of what they checked or did. It is that source's outcome, so the run
 * settles on the same transaction: the last item confirmed completes the erasure.
 */
export async function confirmManualSource(
  db: Database,
  { actor, reference, version, resultId, note, now = new Date() }: ConfirmManualSourceOptions,
): Promise<void> {
  assertCan(actor, 'requests.work');
  const parsedNote = ZManualSourceNote.safeParse(note);
  if (!parsedNote.success) throw new AppError('VALIDATION', parsedNote.error.issues[0]!.message, { field: 'note' });
  if (!z.uuid().safeParse(resultId).success) throw new AppError('NOT_FOUND', 'No such checklist item on this request.');

  await changeRequest(db, { actor, permission: 'requests.work', reference, expectedVersion: version }, async (tx, request) => {
    // Two agents confirming the same item at once are serialised by the request's lock (changeRequest):
    // the second finds it no longer awaiting confirmation.
    const [row] = await tx
      .select({ result: fulfilmentSourceResults, runStatus: fulfilmentRuns.status })
      .from(fulfilmentSourceResults)
      .innerJoin(fulfilmentRuns, eq(fulfilmentRuns.id, fulfilmentSourceResults.runId))
      .where(and(eq(fulfilmentSourceResults.id, resultId), eq(fulfilmentRuns.requestId, request.id)));
    if (!row) throw new AppError('NOT_FOUND', 'No such checklist item on this request.');
    if (row.result.sourceKind !== 'manual') throw new AppError('INVALID_TRANSITION', 'Only a manual source is confirmed by hand.');
    if (row.result.status !== 'awaiting_confirmation' || row.runStatus !== 'running') {
      throw new AppError('INVALID_TRANSITION', 'This item is not waiting for confirmation any more. Reload the page to see the latest.');
    }
    await recordSourceOutcome(tx, {
      resultId,
      outcome: { status: 'succeeded', rowCounts: {} },
      actor: { type: 'staff', staffId: actor.staffId },
      note: parsedNote.data,
      now,
    });
  });
}
