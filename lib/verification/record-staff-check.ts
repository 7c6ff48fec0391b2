import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { requests } from '@/db/schema';
import { recordEvent } from '@/lib/audit/record-event';
import { assertAllowed } from '@/lib/requests/action-check';
import { changeRequest } from '@/lib/requests/change-request';
import type { StaffActor } from '@/lib/staff/staff-actor';
import type { TRecordStaffCheck } from '@/lib/validation/verification-levels';
import { checkStaffIdentityCheck } from './check-identity-actions';
import { scheduleEvidenceDeletion } from './schedule-evidence-deletion';

export type RecordStaffCheckOptions = { actor: StaffActor; input: TRecordStaffCheck; now?: Date };

/**
 * An agent checked who the requester is themselves (a call back, a document) and records how and what
 * they saw: the strongest level. Uploaded evidence is then due for deletion (the decision is made).
 */
export async function recordStaffCheck(db: Database, { actor, input, now = new Date() }: RecordStaffCheckOptions): Promise<void> {
  await changeRequest(
    db,
    { actor, permission: 'requests.work', reference: input.reference, expectedVersion: input.version },
    async (tx, request) => {
      assertAllowed(checkStaffIdentityCheck(request));
      await tx
        .update(requests)
        .set({
          verificationReached: 'staff_check',
          identityCheck: input.method,
          identityEvidenceSeen: input.evidenceSeen,
          identityCheckedById: actor.staffId,
          verificationFailureReason: null,
          verificationLockedAt: null,
          evidenceRequestedAt: null,
        })
        .where(eq(requests.id, request.id));
      const evidenceFiles = await scheduleEvidenceDeletion(tx, { requestId: request.id, now });
      await recordEvent(tx, {
        requestId: request.id,
        actor: { type: 'staff', staffId: actor.staffId },
        action: 'identity_checked_by_staff',
        details: { method: input.method, evidenceSeen: input.evidenceSeen, evidenceFiles, previousLevel: request.verificationReached },
      });
    },
  );
}
