import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { fulfilmentRuns } from '@/db/schema';
import { recordEvent } from '@/lib/audit/record-event';
import { AppError } from '@/lib/errors/app-error';
import { requestTypeRules } from '@/lib/validation/request-type';
import { changeRequest } from '@/lib/requests/change-request';
import { closeRequestAsFulfilled } from '@/lib/requests/close-request-as-fulfilled';
import { assertCan, eventActorOf, staffIdOf, type UseCaseActor } from '@/lib/staff/staff-actor';
import { findReleasablePackage } from './find-releasable-package';
import type { StoredFile } from './store-attachment-file';
import { withStoredUploads } from './with-stored-uploads';

export type ReleasePackageOptions = {
  /** A staff member on the request page, or an API key with requests:work. */
  actor: UseCaseActor;
  reference: string;
  version: number;
  /** The package the agent looked at; left out (the API may), the newest one. */
  runId?: string;
  message: string;
  /** Extra files for data the sources do not cover (a paper file, a manual export); released with the package. */
  files?: File[];
  now?: Date;
};

/**
 * The agent has looked at the gathered package and hands it over: it becomes the
 * requester's download (the organisation's expiry and download limit), the run is
 * marked released, and the request closes as fulfilled with the agent's message,
 * exactly as a manual fulfilment does, with any extra files the agent adds for data
 * the sources do not cover (the one way to close once a package exists: checkClosing). Only a built, unreleased package whose
 * file is still in storage can be released; the run's row lock (under the
 * request's) makes a double press release it once.
 */
export async function releasePackage(
  db: Database,
  { actor, reference, version, runId, message, files = [], now = new Date() }: ReleasePackageOptions,
): Promise<void> {
  assertCan(actor, 'requests.work');
  await withStoredUploads(files, (extraFiles) => release(db, { actor, reference, version, runId, message, now }, extraFiles));
}

async function release(
  db: Database,
  { actor, reference, version, runId, message, now }: Omit<Required<ReleasePackageOptions>, 'runId' | 'files'> & { runId?: string },
  extraFiles: StoredFile[],
): Promise<void> {
  await changeRequest(db, { actor, permission: 'requests.work', reference, expectedVersion: version }, async (tx, request) => {
    // Closing a deletion as fulfilled on its copy would end it unerased: its copy goes out with releaseCopy.
    if (requestTypeRules[request.type].answer !== 'data')
      throw new AppError('INVALID_TRANSITION', 'This is a deletion request: release the copy (the request stays open for the erasure).');
    const run = await findReleasablePackage(tx, { request, runId });
    const {
      attachmentIds: [attachmentId],
    } = await closeRequestAsFulfilled(tx, {
      request,
      actor,
      message,
      files: [
        {
          storageKey: run.packageStorageKey,
          fileName: `${request.reference}-your-data.zip`,
          contentType: 'application/zip',
          sizeBytes: run.packageSizeBytes,
          sha256: run.packageSha256,
        },
        ...extraFiles,
      ],
      now,
    });
    await tx
      .update(fulfilmentRuns)
      .set({ status: 'released', attachmentId, releasedAt: now, releasedById: staffIdOf(actor) })
      .where(eq(fulfilmentRuns.id, run.id));
    await recordEvent(tx, {
      requestId: request.id,
      actor: eventActorOf(actor),
      action: 'data_package_released',
      details: {
        runId: run.id,
        attachmentId,
        sizeBytes: run.packageSizeBytes,
        sha256: run.packageSha256,
        ...(extraFiles.length > 0 ? { extraFiles: extraFiles.length } : {}),
      },
    });
  });
}
