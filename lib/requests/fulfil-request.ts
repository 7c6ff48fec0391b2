import type { Database } from '@/db/client';
import { AppError } from '@/lib/errors/app-error';
import { withStoredUploads } from '@/lib/fulfilment/with-stored-uploads';
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
 * the requester downloads from their status page (written to storage first: withStoredUploads).
 * Once a package is gathered, releasing it is the way to close instead (checkClosing).
 */
export async function fulfilRequest(
  db: Database,
  { actor, reference, version, message, files, now = new Date() }: FulfilRequestOptions,
): Promise<void> {
  assertCan(actor, 'requests.work');
  await withStoredUploads(files, (stored) =>
    changeRequest(db, { actor, permission: 'requests.work', reference, expectedVersion: version }, async (tx, request) => {
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
    }),
  );
}
