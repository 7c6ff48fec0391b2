/**
 * The request state machine: the one definition of every status, its label, its
 * phase and the moves out of it. Every status change in the product goes through
 * `assertTransition`, so an illegal move (cancelling a fulfilled request, say) is
 * refused in one place with one message; every status set (open, closed, open and
 * confirmed, answered) is derived from `statusDefinitions` below. A new status is
 * one entry here (and, for storage, a migration adding it to the enum).
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

/**
 * unconfirmed: the email address is not confirmed yet (no reference, no deadline);
 * open: confirmed, on the queue, the deadline running; closed: final.
 */
export type StatusPhase = 'unconfirmed' | 'open' | 'closed';

/** A move only the system makes when something finishes, never a person's action. */
export type SystemCause = 'verification_expired' | 'erasure_completed';

/** A move out of a status: to any status by anyone's action, or only when the system finishes something. */
export type StatusMove = RequestStatus | { to: RequestStatus; onlyWhen: SystemCause };

type StatusDefinition = {
  /**
   * The status's one name, on every screen (queue, request page, reports, exports, public status page,
   * emails): a single label map, so a status never reads two ways. Written in the third person
   * ("Waiting for the requester"), which reads right to staff and requester alike.
   */
  label: string;
  phase: StatusPhase;
  /** Counts as an answer to the request in the reports (fulfilled or declined). */
  isAnswered?: boolean;
  /** The personal data is already gone (purged on expiry): nothing left to minimise. */
  isPurged?: boolean;
  /** Never confirmed by the requester: left out of the reports' received counts. */
  isNeverConfirmed?: boolean;
  next: readonly StatusMove[];
};

export const statusDefinitions = {
  unverified: {
    label: 'Waiting for email confirmation',
    phase: 'unconfirmed',
    isNeverConfirmed: true,
    next: ['new', 'cancelled', { to: 'expired', onlyWhen: 'verification_expired' }],
  },
  new: { label: 'Received', phase: 'open', next: ['in_progress', 'awaiting_requester', 'fulfilled', 'rejected', 'cancelled'] },
  in_progress: { label: 'In progress', phase: 'open', next: ['awaiting_requester', 'fulfilled', 'rejected', 'cancelled'] },
  awaiting_requester: {
    label: 'Waiting for the requester',
    phase: 'open',
    // An agent resumes work before fulfilling. But an erasure that finishes while
    // the request waits has removed the data: the request closes as fulfilled,
    // because "waiting for the requester" would no longer be true.
    next: ['in_progress', 'rejected', 'cancelled', { to: 'fulfilled', onlyWhen: 'erasure_completed' }],
  },
  fulfilled: { label: 'Fulfilled', phase: 'closed', isAnswered: true, next: [] },
  rejected: { label: 'Declined', phase: 'closed', isAnswered: true, next: [] },
  cancelled: { label: 'Cancelled', phase: 'closed', next: [] },
  expired: { label: 'Expired (never confirmed)', phase: 'closed', isPurged: true, isNeverConfirmed: true, next: [] },
} as const satisfies Record<RequestStatus, StatusDefinition>;

type Definitions = typeof statusDefinitions;
type StatusesInPhase<P extends StatusPhase> = { [S in RequestStatus]: Definitions[S]['phase'] extends P ? S : never }[RequestStatus];
type StatusesWith<K extends 'isAnswered' | 'isPurged' | 'isNeverConfirmed'> = {
  [S in RequestStatus]: Definitions[S] extends Record<K, true> ? S : never;
}[RequestStatus];

function statusesWhere<S extends RequestStatus>(test: (definition: StatusDefinition) => boolean): readonly S[] {
  return requestStatuses.filter((status) => test(statusDefinitions[status])) as S[];
}

/** Not closed yet, confirmed or not: a new request for the same address and type merges into one of these. */
export const openStatuses = statusesWhere<StatusesInPhase<'unconfirmed' | 'open'>>((definition) => definition.phase !== 'closed');
/** Confirmed and not closed: the queue's work, with a deadline running. */
export const activeStatuses = statusesWhere<StatusesInPhase<'open'>>((definition) => definition.phase === 'open');
export type ActiveStatus = (typeof activeStatuses)[number];
/** Final: no move leaves them. */
export const closedStatuses = statusesWhere<StatusesInPhase<'closed'>>((definition) => definition.phase === 'closed');
/** Closed with an answer (fulfilled or declined), as the reports count them. */
export const answeredStatuses = statusesWhere<StatusesWith<'isAnswered'>>((definition) => definition.isAnswered === true);
/** Closed and still holding personal data, until minimisation after the retention period. */
export const closedWithPersonalDataStatuses = statusesWhere<Exclude<StatusesInPhase<'closed'>, StatusesWith<'isPurged'>>>(
  (definition) => definition.phase === 'closed' && definition.isPurged !== true,
);
/** Never confirmed by the requester: not a received request in the reports. */
export const neverConfirmedStatuses = statusesWhere<StatusesWith<'isNeverConfirmed'>>((definition) => definition.isNeverConfirmed === true);
/** Every status a confirmed request can have (the queue's status filter). */
export const confirmedStatuses = statusesWhere<Exclude<RequestStatus, StatusesWith<'isNeverConfirmed'>>>(
  (definition) => definition.isNeverConfirmed !== true,
);

export const statusLabels = Object.fromEntries(requestStatuses.map((status) => [status, statusDefinitions[status].label])) as Record<
  RequestStatus,
  string
>;

/**
 * Whether a request may move from one status to another: by a person's action
 * (the default), or, with `when`, because the system finished something.
 */
export function canTransition(from: RequestStatus, to: RequestStatus, { when }: { when?: SystemCause } = {}): boolean {
  return (statusDefinitions[from].next as readonly StatusMove[]).some((move) =>
    typeof move === 'string' ? move === to : move.to === to && move.onlyWhen === when,
  );
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
  return statusDefinitions[status].phase !== 'closed';
}

export function isActive(status: RequestStatus): status is ActiveStatus {
  return statusDefinitions[status].phase === 'open';
}
