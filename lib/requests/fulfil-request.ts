import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { requestAttachments, requests } from '@/db/schema';
import { recordEvent } from '@/lib/audit/record-event';
import { addDays, toCalendarDate } from '@/lib/deadlines/calendar-date';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors/app-error';
import { assertAttachmentLimits } from '@/lib/fulfilment/attachment-limits';
import { deleteAttachmentFile, type StoredFile, storeAttachmentFile } from '@/lib/fulfilment/store-attachment-file';
import { enqueueEmail } from '@/lib/mail/enqueue-email';
import { getOrganisationSettings } from '@/lib/settings/get-organisation-settings';
import { assertCan, type StaffActor } from '@/lib/staff/staff-actor';
import { assertTransition } from './assert-transition';
import { changeRequest } from './change-request';
import { requesterEmailContext } from './requester-email-context';

export type FulfilRequestOptions = { actor: StaffActor; reference: string; version: number; message: string; files: File[]; now?: Date };

/**
 * Closes a request as done, with a message and, for access and export, the files
 * the requester downloads from their status page. Files are written first; if
 * the transaction then fails they are removed again, so no orphan is served.
 */
export async function fulfilRequest(db: Database, { actor, reference, version, message, files, now = new Date() }: FulfilRequestOptions): Promise<void> {
  assertCan(actor, 'requests.work');
  const uploads = files.filter((file) => file.size > 0);
  assertAttachmentLimits(uploads);

  const stored: StoredFile[] = [];
  try {
    for (const file of uploads) stored.push(await storeAttachmentFile(file));
    await changeRequest(db, { actor, permission: 'requests.work', reference, expectedVersion: version }, async (tx, request) => {
      assertTransition(request.status, 'fulfilled');
      if (request.type !== 'deletion' && stored.length === 0) {
        throw new AppError('VALIDATION', 'Attach at least one file: an access or export request is answered with the data.', { field: 'files' });
      }
      const { downloadDays, maxDownloads } = await getOrganisationSettings(tx);
      const expiresAt = new Date(now.getTime() + downloadDays * 24 * 60 * 60 * 1000);
      if (stored.length > 0) {
        await tx.insert(requestAttachments).values(stored.map((file) => ({ ...file, requestId: request.id, uploadedById: actor.staffId, maxDownloads, expiresAt })));
      }
      await tx.update(requests).set({ status: 'fulfilled', responseMessage: message, closedAt: now, clockStoppedAt: null }).where(eq(requests.id, request.id));
      await recordEvent(tx, {
        requestId: request.id,
        actor: { type: 'staff', staffId: actor.staffId },
        action: 'fulfilled',
        details: { files: stored.map((file) => ({ name: file.fileName, sizeBytes: file.sizeBytes, sha256: file.sha256 })) },
        isVisibleToRequester: true,
      });
      await enqueueEmail(tx, {
        requestId: request.id,
        to: request.email!,
        payload: {
          template: 'request-fulfilled',
          version: 1,
          props: {
            ...(await requesterEmailContext(tx, request)),
            message,
            attachmentCount: stored.length,
            downloadExpiresOn: stored.length > 0 ? addDays(toCalendarDate(now, env().TIME_ZONE), downloadDays) : null,
          },
        },
      });
    });
  } catch (error) {
    await Promise.all(stored.map((file) => deleteAttachmentFile(file.storageKey)));
    throw error;
  }
}
