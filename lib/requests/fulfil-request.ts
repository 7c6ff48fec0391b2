import type { Database } from '@/db/client';
import { AppError } from '@/lib/errors/app-error';
import { assertAttachmentLimits } from '@/lib/fulfilment/attachment-limits';
import { deleteAttachmentFile, type StoredFile, storeAttachmentFile } from '@/lib/fulfilment/store-attachment-file';
import { assertCan, type UseCaseActor } from '@/lib/staff/staff-actor';
import { checkIdentityForAnswer } from '@/lib/verification/verification-requirement';
import { assertAllowed } from './action-check';
import { assertNotAnAppeal } from './assert-not-an-appeal';
import { checkClosing } from './check-closing';
import { requestTypeRules } from '@/lib/validation/request-type';
import { changeRequest } from './change-request';
import { closeRequestAsFulfilled } from './close-request-as-fulfilled';

export type FulfilRequestOptions = { actor: UseCaseActor; reference: string; version: number; message: string; files: File[]; now?: Date };

/**
 * Closes a request as done, with a message and, for access and export, the files
 * the requester downloads from their status page. Files are written first; if
 * the transaction then fails they are removed again, so no orphan is served.
 */
export async function fulfilRequest(
  db: Database,
  { actor, reference, version, message, files, now = new Date() }: FulfilRequestOptions,
): Promise<void> {
  assertCan(actor, 'requests.work');
  const uploads = files.filter((file) => file.size > 0);
  assertAttachmentLimits(uploads);

  const stored: StoredFile[] = [];
  try {
    for (const file of uploads) stored.push(await storeAttachmentFile(file));
    await changeRequest(db, { actor, permission: 'requests.work', reference, expectedVersion: version }, async (tx, request) => {
      assertAllowed(await checkClosing(tx, request, 'fulfilled'));
      // An appeal is decided, never fulfilled: say so before anything about identity, which the appealed request settled.
      assertNotAnAppeal(request);
      assertAllowed(checkIdentityForAnswer(request));
      if (requestTypeRules[request.type].answer === 'data' && stored.length === 0) {
        throw new AppError('VALIDATION', 'Attach at least one file: an access or export request is answered with the data.', {
          field: 'files',
        });
      }
      await closeRequestAsFulfilled(tx, { request, actor, message, files: stored, now });
    });
  } catch (error) {
    await Promise.all(stored.map((file) => deleteAttachmentFile(file.storageKey)));
    throw error;
  }
}
