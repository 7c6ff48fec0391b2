import type { Database } from '@/db/client';
import type { RequestRow } from '@/db/schema';
import { AppError, isAppError } from '@/lib/errors/app-error';
import { applyAssignment } from '@/lib/requests/assign-request';
import { changeRequest } from '@/lib/requests/change-request';
import { applyRejection } from '@/lib/requests/reject-request';
import { assertCan, type StaffActor } from '@/lib/staff/staff-actor';

export type BulkAction =
  | { action: 'assign'; assigneeId: string | null }
  | {
      action: 'reject_duplicate' | 'reject_spam';
      message?: string;
      /** The second, explicit confirmation: every selected request closes and each requester is emailed. */
      isConfirmed: boolean;
      /** Also reject requests staff filed after checking the person's identity (skipped otherwise). */
      includeIdentityChecked?: boolean;
    };

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
  if (bulk.action !== 'assign' && !bulk.isConfirmed) {
    throw new AppError('VALIDATION', 'Confirm the rejection: each selected request closes and its requester is emailed.', {
      field: 'isConfirmed',
    });
  }
  const results: BulkResult[] = [];
  for (const reference of [...new Set(references)]) {
    try {
      await changeRequest(db, { actor, permission: 'requests.work', reference, expectedVersion: null }, async (tx, request) => {
        if (bulk.action === 'assign') return applyAssignment(tx, { actor, request, assigneeId: bulk.assigneeId });
        // A request staff filed after checking the person's identity is rarely spam or a duplicate: a bulk
        // rejection leaves it alone unless the agent confirmed separately that such requests are meant too.
        if (!bulk.includeIdentityChecked && isIdentityChecked(request)) {
          throw new AppError(
            'INVALID_TRANSITION',
            'Skipped: filed by staff with a recorded identity check; confirm those separately to reject it.',
          );
        }
        return applyRejection(tx, {
          actor,
          request,
          basis: bulk.action === 'reject_duplicate' ? 'duplicate' : 'spam',
          message: bulk.message,
          now,
        });
      });
      results.push({ reference, isDone: true });
    } catch (error) {
      if (!isAppError(error)) throw error;
      results.push({ reference, isDone: false, error: error.message });
    }
  }
  return results;
}

/** Filed by staff, who recorded how they checked the person's identity. */
export function isIdentityChecked(request: Pick<RequestRow, 'channel' | 'identityCheck'>): boolean {
  return request.channel === 'staff' && Boolean(request.identityCheck?.trim());
}
