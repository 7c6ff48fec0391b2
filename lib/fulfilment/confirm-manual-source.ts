import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database, DatabaseOrTransaction } from '@/db/client';
import { fulfilmentRuns, fulfilmentSourceResults } from '@/db/schema';
import { AppError } from '@/lib/errors/app-error';
import { changeRequest } from '@/lib/requests/change-request';
import { assertCan, type StaffActor } from '@/lib/staff/staff-actor';
import { ZManualSourceNote } from '@/lib/validation/manual-source-note';
import { isLastOpenItem } from './is-last-open-item';
import { recordSourceOutcome } from './record-source-outcome';

export type ConfirmManualSourceOptions = {
  actor: StaffActor;
  reference: string;
  version: number;
  resultId: string;
  note: string;
  /**
   * The agent's second, explicit confirmation. Required when this is the last item an erasure waits
   * for: confirming it completes the erasure, closes the request and emails the requester.
   */
  isConfirmed?: boolean;
  now?: Date;
};

/**
 * An agent ticks a manual checklist item (backups, a vendor portal, paper files)
 * with a note of what they checked or did. It is that source's outcome, so the run
 * settles on the same transaction: the last item confirmed completes the erasure.
 */
export async function confirmManualSource(
  db: Database,
  { actor, reference, version, resultId, note, isConfirmed = false, now = new Date() }: ConfirmManualSourceOptions,
): Promise<void> {
  assertCan(actor, 'requests.work');
  const parsedNote = ZManualSourceNote.safeParse(note);
  if (!parsedNote.success) throw new AppError('VALIDATION', parsedNote.error.issues[0]!.message, { field: 'note' });
  if (!z.uuid().safeParse(resultId).success) throw new AppError('NOT_FOUND', 'No such checklist item on this request.');

  await changeRequest(db, { actor, permission: 'requests.work', reference, expectedVersion: version }, async (tx, request) => {
    // Two agents confirming the same item at once are serialised by the request's lock (changeRequest):
    // the second finds it no longer awaiting confirmation.
    const [row] = await tx
      .select({ result: fulfilmentSourceResults, runStatus: fulfilmentRuns.status, runKind: fulfilmentRuns.kind })
      .from(fulfilmentSourceResults)
      .innerJoin(fulfilmentRuns, eq(fulfilmentRuns.id, fulfilmentSourceResults.runId))
      .where(and(eq(fulfilmentSourceResults.id, resultId), eq(fulfilmentRuns.requestId, request.id)));
    if (!row) throw new AppError('NOT_FOUND', 'No such checklist item on this request.');
    if (row.result.sourceKind !== 'manual') throw new AppError('INVALID_TRANSITION', 'Only a manual source is confirmed by hand.');
    if (row.result.status !== 'awaiting_confirmation' || row.runStatus !== 'running') {
      throw new AppError('INVALID_TRANSITION', 'This item is not waiting for confirmation any more. Reload the page to see the latest.');
    }
    if (row.runKind === 'erase' && !isConfirmed && (await isLastItemOfRun(tx, row.result.runId, resultId))) {
      throw new AppError(
        'VALIDATION',
        'This is the last item: confirming it completes the erasure, closes the request and emails the requester. Tick the box to confirm.',
        { field: 'isConfirmed' },
      );
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

async function isLastItemOfRun(db: DatabaseOrTransaction, runId: string, resultId: string): Promise<boolean> {
  const results = await db
    .select({ id: fulfilmentSourceResults.id, status: fulfilmentSourceResults.status })
    .from(fulfilmentSourceResults)
    .where(eq(fulfilmentSourceResults.runId, runId));
  return isLastOpenItem(results, resultId);
}
