/**
 * The request state machine. Every status change in the product goes through
 * `assertTransition`, so an illegal move (cancelling a fulfilled request, say)
 * is refused in one place with one message.
 */
export const requestStatuses = [
  'unverified',
  'new',
  'in_progress',
  'awaiting_requester',
  'fulfilled',
  'rejected',
  'cancelled',
  'expired',
] as const;

export type RequestStatus = (typeof requestStatuses)[number];

const transitions: Record<RequestStatus, readonly RequestStatus[]> = {
  unverified: ['new', 'cancelled', 'expired'],
  new: ['in_progress', 'awaiting_requester', 'fulfilled', 'rejected', 'cancelled'],
  in_progress: ['awaiting_requester', 'fulfilled', 'rejected', 'cancelled'],
  awaiting_requester: ['in_progress', 'rejected', 'cancelled'],
  fulfilled: [],
  rejected: [],
  cancelled: [],
  expired: [],
};

export const openStatuses: readonly RequestStatus[] = ['unverified', 'new', 'in_progress', 'awaiting_requester'];

export const statusLabels: Record<RequestStatus, string> = {
  unverified: 'Waiting for email confirmation',
  new: 'Received',
  in_progress: 'In progress',
  awaiting_requester: 'Waiting for your reply',
  fulfilled: 'Fulfilled',
  rejected: 'Declined',
  cancelled: 'Cancelled',
  expired: 'Expired (never confirmed)',
};

export function canTransition(from: RequestStatus, to: RequestStatus): boolean {
  return transitions[from].includes(to);
}

/**
 * Appeals: the one way back from a closed status. Granting an appeal reopens the refused request it
 * appeals (rejected → in_progress); no other action may, so it is not in `transitions`, which every
 * other use case checks.
 */
export function canReopenOnAppeal(from: RequestStatus): boolean {
  return from === 'rejected';
}

export function isOpen(status: RequestStatus): boolean {
  return openStatuses.includes(status);
}
