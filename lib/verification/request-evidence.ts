import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { requests } from '@/db/schema';
import { recordEvent } from '@/lib/audit/record-event';
import { assertAllowed } from '@/lib/requests/action-check';
import { changeRequest } from '@/lib/requests/change-request';
import type { StaffActor } from '@/lib/staff/staff-actor';
import { checkRequestEvidence } from './check-identity-actions';

export type RequestEvidenceOptions = { actor: StaffActor; reference: string; version: number; now?: Date };

/** An agent asks the requester for an identity document; their status page then offers an upload. */
export async function requestEvidence(
  db: Database,
  { actor, reference, version, now = new Date() }: RequestEvidenceOptions,
): Promise<void> {
  await changeRequest(db, { actor, permission: 'requests.work', reference, expectedVersion: version }, async (tx, request) => {
    assertAllowed(checkRequestEvidence(request));
    await tx.update(requests).set({ evidenceRequestedAt: now }).where(eq(requests.id, request.id));
    await recordEvent(tx, {
      requestId: request.id,
      actor: { type: 'staff', staffId: actor.staffId },
      action: 'identity_evidence_requested',
      isVisibleToRequester: true,
    });
  });
}
