import type { Transaction } from '@/db/client';
import { type RequestRow, requestAttachments } from '@/db/schema';
import type { StoredFile } from '@/lib/fulfilment/store-attachment-file';
import { getOrganisationSettings } from '@/lib/settings/get-organisation-settings';
import { staffIdOf, type UseCaseActor } from '@/lib/staff/staff-actor';

/**
 * Files already in storage become the requester's downloads from their status page, each with the
 * organisation's expiry and download limit: the answer that closes a request, or a deletion's copy
 * released before the erasure. On the caller's transaction.
 */
export async function createRequesterDownloads(
  tx: Transaction,
  { request, actor, files, now }: { request: Pick<RequestRow, 'id'>; actor: UseCaseActor | 'system'; files: StoredFile[]; now: Date },
): Promise<{ attachmentIds: string[]; downloadDays: number }> {
  const { downloadDays, maxDownloads } = await getOrganisationSettings(tx);
  if (files.length === 0) return { attachmentIds: [], downloadDays };
  const expiresAt = new Date(now.getTime() + downloadDays * 24 * 60 * 60 * 1000);
  const attachments = await tx
    .insert(requestAttachments)
    .values(
      files.map((file) => ({
        ...file,
        requestId: request.id,
        uploadedById: actor === 'system' ? null : staffIdOf(actor),
        maxDownloads,
        expiresAt,
        createdAt: now,
      })),
    )
    .returning({ id: requestAttachments.id });
  return { attachmentIds: attachments.map((attachment) => attachment.id), downloadDays };
}
