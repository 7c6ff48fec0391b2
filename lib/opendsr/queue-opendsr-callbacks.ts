import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '@/db/client';
import { eventSubscriptions, opendsrRequests, requests } from '@/db/schema';
import { env } from '@/lib/env';
import { queueDeliveries } from '@/lib/webhooks/queue-event-webhooks';
import { expectedCompletionTime } from './expected-completion-time';
import { toOpenDsrStatus } from './opendsr-status';

/**
 * §8.5: on a status change of a request filed over OpenDSR, one callback per status_callback_url,
 * queued on the caller's transaction as an event delivery (the worker POSTs it, signed, with
 * retries). Only when the OpenDSR status moves: new → in_progress is a callback, in_progress →
 * awaiting_requester is not (both are in_progress to the controller). The row lock keeps two
 * changes committing at once from both announcing the same status.
 */
export async function queueOpenDsrCallbacks(tx: DatabaseOrTransaction, { requestId, now = new Date() }: { requestId: string; now?: Date }) {
  const filings = await tx
    .select({ opendsr: opendsrRequests, status: requests.status, dueOn: requests.dueOn, receivedOn: requests.receivedOn })
    .from(opendsrRequests)
    .innerJoin(requests, eq(requests.id, opendsrRequests.requestId))
    .where(eq(opendsrRequests.requestId, requestId))
    .for('update', { of: opendsrRequests });
  for (const { opendsr, status, dueOn, receivedOn } of filings) {
    const requestStatus = toOpenDsrStatus(status);
    if (requestStatus === opendsr.lastNotifiedStatus) continue;
    await tx.update(opendsrRequests).set({ lastNotifiedStatus: requestStatus }).where(eq(opendsrRequests.id, opendsr.id));
    const callbacks = await tx
      .select({ id: eventSubscriptions.id, url: eventSubscriptions.url })
      .from(eventSubscriptions)
      .where(and(eq(eventSubscriptions.opendsrRequestId, opendsr.id), eq(eventSubscriptions.isEnabled, true)));
    const eventId = randomUUID();
    await queueDeliveries(
      tx,
      callbacks.map((callback) => ({
        subscriptionId: callback.id,
        eventId,
        eventType: 'request.status_changed' as const,
        // §8.6's body; the person's identities are not in it.
        payload: {
          controller_id: opendsr.apiKeyId,
          expected_completion_time: expectedCompletionTime(dueOn ?? receivedOn, env().TIME_ZONE),
          status_callback_url: callback.url,
          subject_request_id: opendsr.subjectRequestId,
          request_status: requestStatus,
        },
        nextAttemptAt: now,
        createdAt: now,
      })),
    );
  }
}
