import type { z } from 'zod';
import type { Database } from '@/db/client';
import { findOpenDsrRequest } from '@/db/queries/opendsr-requests';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors/app-error';
import { assertCan, type ApiKeyActor } from '@/lib/staff/staff-actor';
import type { ZOpenDsrStatusResponse } from '@/lib/validation/opendsr';
import { expectedCompletionTime } from './expected-completion-time';
import { OPENDSR_API_VERSION, toOpenDsrStatus } from './opendsr-status';

/** §8.1: the status of a request this key filed over OpenDSR; any other id is not found. */
export async function getOpenDsrRequest(
  db: Database,
  { actor, subjectRequestId }: { actor: ApiKeyActor; subjectRequestId: string },
): Promise<z.infer<typeof ZOpenDsrStatusResponse>> {
  assertCan(actor, 'requests.read');
  const found = await findOpenDsrRequest(db, { apiKeyId: actor.apiKeyId, subjectRequestId });
  if (!found) throw new AppError('NOT_FOUND', 'No request with this subject_request_id.');
  return {
    controller_id: actor.apiKeyId,
    expected_completion_time: expectedCompletionTime(found.request.dueOn ?? found.request.receivedOn, env().TIME_ZONE),
    subject_request_id: subjectRequestId,
    request_status: toOpenDsrStatus(found.request.status),
    api_version: OPENDSR_API_VERSION,
  };
}
