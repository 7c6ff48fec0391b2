import type { Transaction } from '@/db/client';
import { identityEvidence } from '@/db/schema';
import { type Actor, recordEvent } from '@/lib/audit/record-event';
import type { StoredUpload } from './evidence-file';

export type RecordAgentPermissionOptions = { requestId: string; stored: StoredUpload; actor: Actor; ip?: string | null; now: Date };

/**
 * The authorised agent's signed permission from the person (11 CCR §7063(a)(1)), already stored encrypted
 * (storeUpload), recorded with the request it came with. It is an identity_evidence row, so it is opened,
 * listed and deleted on the same terms as identity documents: the assignee and admins only, and gone a
 * set number of days after identity is decided or the request closes.
 */
export async function recordAgentPermission(
  tx: Transaction,
  { requestId, stored, actor, ip = null, now }: RecordAgentPermissionOptions,
): Promise<void> {
  const [row] = await tx
    .insert(identityEvidence)
    .values({
      requestId,
      kind: 'agent_permission',
      storageKey: stored.storageKey,
      fileName: stored.fileName,
      contentType: stored.contentType,
      sizeBytes: stored.sizeBytes,
      uploadedAt: now,
    })
    .returning({ id: identityEvidence.id });
  await recordEvent(tx, {
    requestId,
    actor,
    action: 'agent_permission_uploaded',
    details: { evidenceId: row!.id, sizeBytes: stored.sizeBytes, contentType: stored.contentType },
    ip,
  });
}
