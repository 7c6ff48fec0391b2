import type { RequestStatus } from '@/lib/requests/request-status';
import type { RequestType } from '@/lib/validation/request-type';

/** The statuses of OpenDSR §8. */
export const openDsrStatuses = ['pending', 'in_progress', 'completed', 'cancelled'] as const;
export type OpenDsrStatus = (typeof openDsrStatuses)[number];

/**
 * Our state machine (lib/requests/request-status.ts) seen through OpenDSR's four statuses:
 * - unverified, new → pending: received, nobody has acted on it yet (the only status §9 lets a controller cancel in);
 * - in_progress, awaiting_requester → in_progress: being acted on, waiting for the requester included;
 * - fulfilled → completed;
 * - rejected, cancelled, expired → cancelled: closed without being carried out. OpenDSR has no
 *   "declined"; calling a refusal "completed" would tell the controller the data was erased or sent.
 */
const statusMap: Record<RequestStatus, OpenDsrStatus> = {
  unverified: 'pending',
  new: 'pending',
  in_progress: 'in_progress',
  awaiting_requester: 'in_progress',
  fulfilled: 'completed',
  rejected: 'cancelled',
  cancelled: 'cancelled',
  expired: 'cancelled',
};

export function toOpenDsrStatus(status: RequestStatus): OpenDsrStatus {
  return statusMap[status];
}

/** OpenDSR §6.2's subject_request_type and the request type that carries it out here. */
export const openDsrRequestTypes = { erasure: 'deletion', access: 'access', portability: 'export' } as const satisfies Record<
  string,
  RequestType
>;
export type OpenDsrRequestType = keyof typeof openDsrRequestTypes;

/** The API version these endpoints speak (OpenDSR 2.0 fields; OpenGDPR 1.0 requests, which lack `regulation`, are accepted too). */
export const OPENDSR_API_VERSION = '2.0';
