import type { DatabaseOrTransaction } from '@/db/client';
import { listRequesterVisibleEvents } from '@/db/queries/request-events';
import { findRequestByStatusToken } from './find-request-by-status-token';
import { isOpen, type RequestStatus } from './request-status';

export type RequestStatusView = {
  reference: string | null;
  type: 'access' | 'export' | 'deletion';
  status: RequestStatus;
  jurisdictionLabel: string | null;
  receivedOn: string;
  dueOn: string | null;
  isCancellable: boolean;
  timeline: { id: number; action: string; at: Date }[];
};

/** What the requester's private status page shows: no internal notes, no staff names. */
export async function getRequestStatus(db: DatabaseOrTransaction, { token }: { token: string }): Promise<RequestStatusView | null> {
  const request = await findRequestByStatusToken(db, { token });
  if (!request) return null;
  const events = await listRequesterVisibleEvents(db, { requestId: request.id });
  return {
    reference: request.reference,
    type: request.type,
    status: request.status,
    jurisdictionLabel: request.policy?.label ?? null,
    receivedOn: request.receivedOn,
    dueOn: request.dueOn,
    isCancellable: isOpen(request.status),
    timeline: events.map((event) => ({ id: event.id, action: event.action, at: event.createdAt })),
  };
}
