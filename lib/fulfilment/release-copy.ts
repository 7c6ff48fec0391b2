import { and, count, eq } from 'drizzle-orm';
import type { Database, Transaction } from '@/db/client';
import { dataSources, fulfilmentRuns, type RequestRow } from '@/db/schema';
import { recordEvent } from '@/lib/audit/record-event';
import { addDays, toCalendarDate } from '@/lib/deadlines/calendar-date';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors/app-error';
import { enqueueEmail } from '@/lib/mail/enqueue-email';
import { changeRequest } from '@/lib/requests/change-request';
import { createRequesterDownloads } from '@/lib/requests/create-requester-downloads';
import { isActive } from '@/lib/requests/request-status';
import { requesterEmailContext } from '@/lib/requests/requester-email-context';
import { getOrganisationSettings } from '@/lib/settings/get-organisation-settings';
import { assertAllowed } from '@/lib/requests/action-check';
import { eventActorOf, staffIdOf, type UseCaseActor } from '@/lib/staff/staff-actor';
import { checkIdentityForAnswer } from '@/lib/verification/verification-requirement';
import { isCopyFromUploadsOnly } from './copy-from-uploads';
import { findReleasablePackage } from './find-releasable-package';
import type { StoredFile } from './store-attachment-file';
import { withStoredUploads } from './with-stored-uploads';

export type ReleaseCopyOptions = {
  actor: UseCaseActor;
  reference: string;
  version: number;
  /** The package the agent looked at; left out, the newest one. */
  runId?: string;
  message: string;
  /** Extra files for data the sources do not cover; with no source to gather from, the whole copy. */
  files?: File[];
  now?: Date;
};

/**
 * A deletion whose requester asked for a copy first: the gathered package becomes their download (the
 * organisation's expiry and limit) and they are emailed when the erasure follows, but, unlike an access
 * request's release, the request stays open: the erasure is its answer, and it waits for the download or
 * the organisation's copy wait (findCopyRelease, checked by checkErasure). Extra files go out with the
 * package; when no source is enabled for access requests and nothing was gathered (isCopyFromUploadsOnly),
 * the uploaded files are the copy, recorded as a gathering with no sources so the wait counts from it alike.
 */
export async function releaseCopy(
  db: Database,
  { actor, reference, version, runId, message, files = [], now = new Date() }: ReleaseCopyOptions,
): Promise<void> {
  await withStoredUploads(files, (extraFiles) => release(db, { actor, reference, version, runId, message, now }, extraFiles));
}

async function release(
  db: Database,
  { actor, reference, version, runId, message, now }: Omit<Required<ReleaseCopyOptions>, 'runId' | 'files'> & { runId?: string },
  extraFiles: StoredFile[],
): Promise<void> {
  await changeRequest(db, { actor, permission: 'requests.work', reference, expectedVersion: version }, async (tx, request) => {
    if (request.type !== 'deletion' || !request.copyBeforeErasure)
      throw new AppError('INVALID_TRANSITION', 'Only a deletion whose requester asked for a copy first releases a copy.');
    if (!isActive(request.status)) throw new AppError('INVALID_TRANSITION', 'This request is closed.');
    const run =
      (await copyFromUploadsRun(tx, { request, actor, runId, extraFiles, now })) ?? (await findReleasablePackage(tx, { request, runId }));
    const pkg = run.packageStorageKey
      ? [
          {
            storageKey: run.packageStorageKey,
            fileName: `${request.reference}-your-data.zip`,
            contentType: 'application/zip',
            sizeBytes: run.packageSizeBytes ?? 0,
            sha256: run.packageSha256 ?? '',
          },
        ]
      : [];
    const {
      attachmentIds: [attachmentId],
      downloadDays,
    } = await createRequesterDownloads(tx, { request, actor, files: [...pkg, ...extraFiles], now });
    await tx
      .update(fulfilmentRuns)
      .set({ status: 'released', attachmentId, releasedAt: now, releasedById: staffIdOf(actor) })
      .where(eq(fulfilmentRuns.id, run.id));
    const { copyWaitDays } = await getOrganisationSettings(tx);
    const today = toCalendarDate(now, env().TIME_ZONE);
    const erasureOn = addDays(today, copyWaitDays);
    await recordEvent(tx, {
      requestId: request.id,
      actor: eventActorOf(actor),
      action: 'copy_released',
      details: {
        runId: run.id,
        attachmentId,
        ...(run.packageStorageKey ? { sizeBytes: run.packageSizeBytes, sha256: run.packageSha256 } : { isFromUploadsOnly: true }),
        ...(extraFiles.length > 0 ? { extraFiles: extraFiles.length } : {}),
        copyWaitDays,
        erasureOn,
      },
    });
    await enqueueEmail(tx, {
      requestId: request.id,
      to: request.email!,
      payload: {
        template: 'copy-ready',
        version: 1,
        props: { ...(await requesterEmailContext(tx, request)), message, downloadExpiresOn: addDays(today, downloadDays), erasureOn },
      },
    });
  });
}

/**
 * The run a copy made only of uploads is recorded as (a gathering with no sources, finished now), or null
 * when the copy is a gathered package: a source is enabled for access requests, or a gathering exists.
 */
async function copyFromUploadsRun(
  tx: Transaction,
  {
    request,
    actor,
    runId,
    extraFiles,
    now,
  }: { request: RequestRow; actor: UseCaseActor; runId?: string; extraFiles: StoredFile[]; now: Date },
): Promise<{ id: string; packageStorageKey: null; packageSizeBytes: null; packageSha256: null } | null> {
  if (runId) return null;
  const [[sources], [gathered]] = await Promise.all([
    tx
      .select({ count: count() })
      .from(dataSources)
      .where(and(eq(dataSources.isEnabled, true), eq(dataSources.usedForAccess, true))),
    tx
      .select({ count: count() })
      .from(fulfilmentRuns)
      .where(and(eq(fulfilmentRuns.requestId, request.id), eq(fulfilmentRuns.kind, 'gather'))),
  ]);
  if (!isCopyFromUploadsOnly({ accessSources: sources?.count ?? 0, hasGathered: (gathered?.count ?? 0) > 0 })) return null;
  assertAllowed(checkIdentityForAnswer(request));
  if (extraFiles.length === 0)
    throw new AppError('VALIDATION', 'No source is enabled for access requests, so nothing can be gathered: upload the copy’s files.');
  const [run] = await tx
    .insert(fulfilmentRuns)
    .values({ requestId: request.id, kind: 'gather', status: 'succeeded', startedById: staffIdOf(actor), createdAt: now, finishedAt: now })
    .returning({ id: fulfilmentRuns.id });
  return { id: run!.id, packageStorageKey: null, packageSizeBytes: null, packageSha256: null };
}
