import { eq } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { type RequestRow, requests } from '@/db/schema';
import { recordEvent } from '@/lib/audit/record-event';
import { addDays, toCalendarDate } from '@/lib/deadlines/calendar-date';
import { env } from '@/lib/env';
import { stopRunsOfClosedRequest } from '@/lib/fulfilment/stop-runs-of-closed-request';
import type { StoredFile } from '@/lib/fulfilment/store-attachment-file';
import { enqueueEmail } from '@/lib/mail/enqueue-email';
import { type UseCaseActor, eventActorOf } from '@/lib/staff/staff-actor';
import { assertNotAnAppeal } from './assert-not-an-appeal';
import { assertTransition } from './assert-transition';
import { createRequesterDownloads } from './create-requester-downloads';
import { requesterEmailContext } from './requester-email-context';

/**
 * The closing email of a request answered by an action, where the words differ by type: a correction
 * made, a restriction in place (GDPR Art. 18), an objection upheld (Art. 21). Every other type (and an
 * opt-out closed by hand, whose systems the agent names in the message) gets request-fulfilled.
 */
const actionClosingTemplates: Partial<Record<RequestRow['type'], 'correction-applied' | 'restriction-applied' | 'objection-upheld'>> = {
  correction: 'correction-applied',
  restriction: 'restriction-applied',
  objection: 'objection-upheld',
};

export type CloseRequestAsFulfilledOptions = {
  /** Locked by the caller (changeRequest). */
  request: RequestRow;
  /** `system`: a restriction or objection run closes it once every source is done (complete-restriction-or-objection.ts). */
  actor: UseCaseActor | 'system';
  message: string;
  /** Files already in storage, handed to the requester as downloads. */
  files: StoredFile[];
  now: Date;
  /** More for the `fulfilled` event, e.g. the run and the systems it was applied in. */
  details?: Record<string, unknown>;
};

/**
 * The one way a request is closed as done, whether the agent uploaded the files
 * or released a gathered package: the downloads (expiry and limit from the
 * organisation's settings), the status change, the `fulfilled` event and the
 * requester's email, on the caller's transaction so they commit together.
 */
export async function closeRequestAsFulfilled(
  tx: Transaction,
  { request, actor, message, files, now, details = {} }: CloseRequestAsFulfilledOptions,
): Promise<{ attachmentIds: string[] }> {
  const eventActor = actor === 'system' ? ({ type: 'system' } as const) : eventActorOf(actor);
  assertTransition(request.status, 'fulfilled');
  assertNotAnAppeal(request);
  const { attachmentIds, downloadDays } = await createRequesterDownloads(tx, { request, actor, files, now });
  await tx
    .update(requests)
    .set({ status: 'fulfilled', responseMessage: message, closedAt: now, clockStoppedAt: null })
    .where(eq(requests.id, request.id));
  await stopRunsOfClosedRequest(tx, { requestId: request.id, actor: eventActor, now });
  await recordEvent(tx, {
    requestId: request.id,
    actor: eventActor,
    action: 'fulfilled',
    details: { ...details, files: files.map((file) => ({ name: file.fileName, sizeBytes: file.sizeBytes, sha256: file.sha256 })) },
    isVisibleToRequester: true,
  });
  const context = await requesterEmailContext(tx, request);
  const actionTemplate = files.length === 0 ? actionClosingTemplates[request.type] : undefined;
  await enqueueEmail(tx, {
    requestId: request.id,
    to: request.email!,
    payload: actionTemplate
      ? { template: actionTemplate, version: 1, props: { ...context, message } }
      : {
          template: 'request-fulfilled',
          version: 1,
          props: {
            ...context,
            message,
            attachmentCount: files.length,
            downloadExpiresOn: files.length > 0 ? addDays(toCalendarDate(now, env().TIME_ZONE), downloadDays) : null,
          },
        },
  });
  return { attachmentIds };
}
