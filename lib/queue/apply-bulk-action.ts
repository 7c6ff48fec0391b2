import type { Database } from '@/db/client';
import { isAppError } from '@/lib/errors/app-error';
import { applyAssignment } from '@/lib/requests/assign-request';
import { changeRequest } from '@/lib/requests/change-request';
import { applyRejection } from '@/lib/requests/reject-request';
import { assertCan, type StaffActor } from '@/lib/staff/staff-actor';

export type BulkAction = { action: 'assign'; assigneeId: string | null } | { action: 'reject_duplicate' | 'reject_spam'; message?: string };

export type BulkResult = { reference: string; isDone: boolean; error?: string };

/**
 * Applies one action to each selected request in its own transaction, so each is
 * audited (and emailed) on its own and one refusal (a request closed meanwhile)
 * doesn't undo the others. Returns what happened to each.
 */
export async function applyBulkAction(
  db: Database,
  { actor, references, bulk, now = new Date() }: { actor: StaffActor; references: string[]; bulk: BulkAction; now?: Date },
): Promise<BulkResult[]> {
  assertCan(actor, 'requests.work');
  const results: BulkResult[] = [];
  for (const reference of [...new Set(references)]) {
    try {
      await changeRequest(db, { actor, permission: 'requests.work', reference, expectedVersion: null }, (tx, request) =>
        bulk.action === 'assign'
          ? applyAssignment(tx, { actor, request, assigneeId: bulk.assigneeId })
          : applyRejection(tx, {
              actor,
              request,
              basis: bulk.action === 'reject_duplicate' ? 'duplicate' : 'spam',
              message: bulk.message,
              now,
            }),
      );
      results.push({ reference, isDone: true });
    } catch (error) {
      if (!isAppError(error)) throw error;
      results.push({ reference, isDone: false, error: error.message });
    }
  }
  return results;
}
