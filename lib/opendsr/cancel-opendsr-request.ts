import type { z } from 'zod';
import type { Database } from '@/db/client';
import { findOpenDsrRequest } from '@/db/queries/opendsr-requests';
import { AppError } from '@/lib/errors/app-error';
import { cancelRequest } from '@/lib/requests/cancel-request';
import { requestStatuses } from '@/lib/requests/request-status';
import { assertCan, type ApiKeyActor } from '@/lib/staff/staff-actor';
import type { ZOpenDsrCancellation } from '@/lib/validation/opendsr';
import { OPENDSR_API_VERSION, toOpenDsrStatus } from './opendsr-status';

/** Our statuses OpenDSR calls pending: §9 lets a controller cancel only then. */
const pendingStatuses = requestStatuses.filter((status) => toOpenDsrStatus(status) === 'pending');

/**
 * §9: the controller withdraws a request it filed, through the same cancellation as the
 * requester's own (state machine, audit event, email to the requester, gathering stopped).
 * Once work has started it is refused (409): the controller asks staff instead.
 */
export async function cancelOpenDsrRequest(
  db: Database,
  { actor, subjectRequestId, now = new Date() }: { actor: ApiKeyActor; subjectRequestId: string; now?: Date },
): Promise<z.infer<typeof ZOpenDsrCancellation>> {
  assertCan(actor, 'requests.work');
  const found = await findOpenDsrRequest(db, { apiKeyId: actor.apiKeyId, subjectRequestId });
  if (!found) throw new AppError('NOT_FOUND', 'No request with this subject_request_id.');
  await cancelRequest(db, { actor, requestId: found.request.id, onlyFrom: pendingStatuses, ip: null, now });
  return {
    controller_id: actor.apiKeyId,
    received_time: now.toISOString(),
    subject_request_id: subjectRequestId,
    api_version: OPENDSR_API_VERSION,
  };
}
