import { cancelOpenDsrRequest } from '@/lib/opendsr/cancel-opendsr-request';
import { fileOpenDsrRequest } from '@/lib/opendsr/file-opendsr-request';
import { getOpenDsrRequest } from '@/lib/opendsr/get-opendsr-request';
import {
  ZOpenDsrCancellation,
  ZOpenDsrCreateRequest,
  ZOpenDsrIdParams,
  ZOpenDsrReceipt,
  ZOpenDsrStatusResponse,
} from '@/lib/validation/opendsr';
import { defineApiOperation } from './api-operation';

/**
 * The OpenDSR endpoints (https://github.com/opengdpr/OpenDSR/blob/master/specification.md) under
 * /api/opendsr, run by the same route wrapper as /api/v1: the same API keys and scopes, problem
 * details for errors. They translate the spec's fields; filing and cancelling are the v1 and
 * requester use cases (lib/opendsr/).
 */

export const createOpenDsrRequestOperation = defineApiOperation({
  method: 'POST',
  path: '/requests',
  operationId: 'createOpenDsrRequest',
  summary: 'File a request (OpenDSR §7)',
  description:
    'Files the request as POST /api/v1/requests does, for the subject’s raw email identity. The same subject_request_id again answers with the first filing.',
  scope: 'requests:create',
  body: ZOpenDsrCreateRequest,
  successStatus: 201,
  result: ZOpenDsrReceipt,
  problems: [409, 422],
  handle: ({ db, actor, body, now }) => fileOpenDsrRequest(db, { actor, input: body, now }),
});

export const getOpenDsrRequestOperation = defineApiOperation({
  method: 'GET',
  path: '/requests/{id}',
  operationId: 'getOpenDsrRequest',
  summary: 'Request status (OpenDSR §8)',
  scope: 'requests:read',
  params: ZOpenDsrIdParams,
  successStatus: 200,
  result: ZOpenDsrStatusResponse,
  problems: [404],
  handle: ({ db, actor, params }) => getOpenDsrRequest(db, { actor, subjectRequestId: params.id }),
});

export const cancelOpenDsrRequestOperation = defineApiOperation({
  method: 'DELETE',
  path: '/requests/{id}',
  operationId: 'cancelOpenDsrRequest',
  summary: 'Cancel a pending request (OpenDSR §9)',
  scope: 'requests:work',
  params: ZOpenDsrIdParams,
  successStatus: 202,
  result: ZOpenDsrCancellation,
  problems: [404, 409],
  handle: ({ db, actor, params, now }) => cancelOpenDsrRequest(db, { actor, subjectRequestId: params.id, now }),
});

/** Every OpenDSR endpoint that runs a use case with a key (the OpenAPI document lists them under /opendsr). */
export const openDsrOperations = [createOpenDsrRequestOperation, getOpenDsrRequestOperation, cancelOpenDsrRequestOperation] as const;
