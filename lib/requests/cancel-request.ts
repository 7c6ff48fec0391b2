import { eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { requests } from '@/db/schema';
import { recordEvent } from '@/lib/audit/record-event';
import { AppError } from '@/lib/errors/app-error';
import { stopRunsOfClosedRequest } from '@/lib/fulfilment/stop-runs-of-closed-request';
import { enqueueEmail } from '@/lib/mail/enqueue-email';
import { getOrganisationSettings } from '@/lib/settings/get-organisation-settings';
import { getRequestForUpdate } from '@/db/queries/requests';
import { assertCan, type ApiKeyActor, eventActorOf } from '@/lib/staff/staff-actor';
import { assertTransition } from './assert-transition';
import { type RequestStatus, statusLabels } from './request-status';
import { findRequestByStatusToken } from './find-request-by-status-token';
import { requestTypeLabel } from './request-type-label';

export type CancelRequestOptions = (
  | { token: string }
  | {
      /** A controller's system withdrawing the request it filed (OpenDSR DELETE /requests/{id}). */
      actor: ApiKeyActor;
      requestId: string;
      /** The statuses the caller may cancel from (OpenDSR lets a controller cancel only while pending). */
      onlyFrom: readonly RequestStatus[];
    }
) & { ip: string | null; now?: Date };

/** The requester withdraws their request from the status page, or the system that filed it for them withdraws it. */
export async function cancelRequest(db: Database, options: CancelRequestOptions): Promise<void> {
  const { ip, now = new Date() } = options;
  if ('actor' in options) assertCan(options.actor, 'requests.work');
  const actor = 'actor' in options ? eventActorOf(options.actor) : ({ type: 'requester' } as const);
  await db.transaction(async (tx) => {
    // Row lock: a staff member fulfilling the request at the same moment waits,
    // then sees `cancelled` and is refused by the state machine (or vice versa).
    const request =
      'token' in options
        ? await findRequestByStatusToken(tx, { token: options.token, lock: true })
        : await getRequestForUpdate(tx, { id: options.requestId });
    if (!request) throw new AppError('NOT_FOUND', 'We could not find this request.');
    if ('onlyFrom' in options && !options.onlyFrom.includes(request.status))
      throw new AppError(
        'INVALID_TRANSITION',
        `This request is ${statusLabels[request.status].toLowerCase()} and can no longer be cancelled.`,
      );
    assertTransition(request.status, 'cancelled');

    await tx
      .update(requests)
      .set({ status: 'cancelled', closedAt: now, updatedAt: now, version: sql`${requests.version} + 1` })
      .where(eq(requests.id, request.id));
    await recordEvent(tx, {
      requestId: request.id,
      actor,
      action: 'cancelled',
      details: { from: request.status },
      ip,
      isVisibleToRequester: true,
    });
    await stopRunsOfClosedRequest(tx, { requestId: request.id, actor, now });
    if (request.email) {
      const { organisationName } = await getOrganisationSettings(tx);
      await enqueueEmail(tx, {
        requestId: request.id,
        to: request.email,
        payload: {
          template: 'cancellation',
          version: 1,
          props: { organisationName, reference: request.reference ?? 'your request', requestTypeLabel: requestTypeLabel(request.type) },
        },
      });
    }
  });
}
