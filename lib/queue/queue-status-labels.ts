import type { RequestStatus } from '@/lib/requests/request-status';

/** Statuses as staff read them (request-status.ts's labels speak to the requester: "Waiting for your reply"). */
export const queueStatusLabels: Record<RequestStatus, string> = {
  unverified: 'Unconfirmed',
  new: 'New',
  in_progress: 'In progress',
  awaiting_requester: 'Awaiting requester',
  fulfilled: 'Fulfilled',
  rejected: 'Rejected',
  cancelled: 'Cancelled',
  expired: 'Expired',
};
