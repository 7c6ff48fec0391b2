import { eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { requests } from '@/db/schema';
import { recordEvent } from '@/lib/audit/record-event';
import { AppError } from '@/lib/errors/app-error';
import { stopRunsOfClosedRequest } from '@/lib/fulfilment/stop-runs-of-closed-request';
import { enqueueEmail } from '@/lib/mail/enqueue-email';
import { getOrganisationSettings } from '@/lib/settings/get-organisation-settings';
import { assertTransition } from './assert-transition';
import { findRequestByStatusToken } from './find-request-by-status-token';
import { requestTypeLabel } from './request-type-label';

export type CancelRequestOptions = { token: string; ip: string | null; now?: Date };

/** The requester withdraws their request from the status page. */
export async function cancelRequest(db: Database, { token, ip, now = new Date() }: CancelRequestOptions): Promise<void> {
  await db.transaction(async (tx) => {
    // Row lock: a staff member fulfilling the request at the same moment waits,
    // then sees `cancelled` and is refused by the state machine (or vice versa).
    const request = await findRequestByStatusToken(tx, { token, lock: true });
    if (!request) throw new AppError('NOT_FOUND', 'We could not find this request.');
    assertTransition(request.status, 'cancelled');

    await tx
      .update(requests)
      .set({ status: 'cancelled', closedAt: now, updatedAt: now, version: sql`${requests.version} + 1` })
      .where(eq(requests.id, request.id));
    await recordEvent(tx, {
      requestId: request.id,
      actor: { type: 'requester' },
      action: 'cancelled',
      details: { from: request.status },
      ip,
      isVisibleToRequester: true,
    });
    await stopRunsOfClosedRequest(tx, { requestId: request.id, actor: { type: 'requester' }, now });
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
