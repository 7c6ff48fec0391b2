import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { requests } from '@/db/schema';
import { recordEvent } from '@/lib/audit/record-event';
import { assertAllowed } from '@/lib/requests/action-check';
import { changeRequest } from '@/lib/requests/change-request';
import type { StaffActor } from '@/lib/staff/staff-actor';
import type { TOverrideVerification } from '@/lib/validation/verification-levels';
import { checkVerificationOverride } from './check-identity-actions';
import { scheduleEvidenceDeletion } from './schedule-evidence-deletion';

export type OverrideVerificationOptions = { actor: StaffActor; input: TOverrideVerification; now?: Date };

/** An admin lets an access or deletion go ahead below its required identity level, and says why; the reason is in the audit trail. */
export async function overrideVerification(db: Database, { actor, input, now = new Date() }: OverrideVerificationOptions): Promise<void> {
  await changeRequest(
    db,
    { actor, permission: 'verification.override', reference: input.reference, expectedVersion: input.version },
    async (tx, request) => {
      assertAllowed(checkVerificationOverride(request));
      await tx
        .update(requests)
        .set({ verificationOverrideReason: input.reason, verificationOverriddenAt: now, verificationOverriddenById: actor.staffId })
        .where(eq(requests.id, request.id));
      await scheduleEvidenceDeletion(tx, { requestId: request.id, now });
      await recordEvent(tx, {
        requestId: request.id,
        actor: { type: 'staff', staffId: actor.staffId },
        action: 'identity_verification_overridden',
        details: { reason: input.reason, required: request.verificationRequired, reached: request.verificationReached },
      });
    },
  );
}
