import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { fulfilmentRuns } from '@/db/schema';
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
import { eventActorOf, staffIdOf, type UseCaseActor } from '@/lib/staff/staff-actor';
import { findReleasablePackage } from './find-releasable-package';

export type ReleaseCopyOptions = {
  actor: UseCaseActor;
  reference: string;
  version: number;
  /** The package the agent looked at; left out, the newest one. */
  runId?: string;
  message: string;
  now?: Date;
};

/**
 * A deletion whose requester asked for a copy first: the gathered package becomes their download (the
 * organisation's expiry and limit) and they are emailed when the erasure follows, but, unlike an access
 * request's release, the request stays open: the erasure is its answer, and it waits for the download or
 * the organisation's copy wait (findCopyRelease, checked by checkErasure).
 */
export async function releaseCopy(
  db: Database,
  { actor, reference, version, runId, message, now = new Date() }: ReleaseCopyOptions,
): Promise<void> {
  await changeRequest(db, { actor, permission: 'requests.work', reference, expectedVersion: version }, async (tx, request) => {
    if (request.type !== 'deletion' || !request.copyBeforeErasure)
      throw new AppError('INVALID_TRANSITION', 'Only a deletion whose requester asked for a copy first releases a copy.');
    if (!isActive(request.status)) throw new AppError('INVALID_TRANSITION', 'This request is closed.');
    const run = await findReleasablePackage(tx, { request, runId });
    const {
      attachmentIds: [attachmentId],
      downloadDays,
    } = await createRequesterDownloads(tx, {
      request,
      actor,
      files: [
        {
          storageKey: run.packageStorageKey,
          fileName: `${request.reference}-your-data.zip`,
          contentType: 'application/zip',
          sizeBytes: run.packageSizeBytes,
          sha256: run.packageSha256,
        },
      ],
      now,
    });
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
      details: { runId: run.id, attachmentId, sizeBytes: run.packageSizeBytes, sha256: run.packageSha256, copyWaitDays, erasureOn },
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
