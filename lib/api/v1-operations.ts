import type { z } from 'zod';
import type { Database } from '@/db/client';
import { toCalendarDate } from '@/lib/deadlines/calendar-date';
import { env } from '@/lib/env';
import { listQueue } from '@/lib/queue/list-queue';
import { addNote } from '@/lib/requests/add-note';
import { extendDeadline } from '@/lib/requests/extend-deadline';
import { releasePackage } from '@/lib/fulfilment/release-package';
import { fileOnBehalf } from '@/lib/requests/file-on-behalf';
import { fulfilRequest } from '@/lib/requests/fulfil-request';
import { getRequestDetail } from '@/lib/requests/get-request-detail';
import { rejectRequest } from '@/lib/requests/reject-request';
import { requestInformation } from '@/lib/requests/request-information';
import { startWork } from '@/lib/requests/start-work';
import type { ApiKeyActor } from '@/lib/staff/staff-actor';
import {
  ZApiAddNote,
  ZApiExtendDeadline,
  ZApiFileRequest,
  ZApiFulfilRequest,
  ZApiListRequestsQuery,
  ZApiReferenceParams,
  ZApiRejectRequest,
  ZApiReleasePackage,
  ZApiRequest,
  ZApiRequestInformation,
  ZApiRequestList,
  ZApiStartWork,
} from '@/lib/validation/api-v1';
import { defineApiOperation } from './api-operation';
import { toApiRequest } from './to-api-request';

/**
 * Every /api/v1 endpoint. Each runs the same use case as the staff page that does the
 * same thing (the state machine, permission check, audit event and emails are theirs);
 * the key is the actor, and its scopes are checked inside the use case.
 */

async function readRequest(db: Database, actor: ApiKeyActor, reference: string) {
  return toApiRequest(await getRequestDetail(db, { actor, reference }), actor);
}

export const fileRequestOperation = defineApiOperation({
  method: 'POST',
  path: '/requests',
  operationId: 'fileRequest',
  summary: 'File a request',
  description:
    'Files a request for a person whose identity your system has checked (say how in identityCheck), as staff do with “File a request”: it is accepted at once, gets its reference and due date, and the requester is emailed the acknowledgement. Send an Idempotency-Key header so a retry (within 24 hours) never files twice.',
  scope: 'requests:create',
  body: ZApiFileRequest,
  isIdempotent: true,
  successStatus: 201,
  result: ZApiRequest,
  problems: [409, 422],
  handle: async ({ db, actor, body, now }) => {
    const input = { ...body, receivedOn: body.receivedOn ?? toCalendarDate(now, env().TIME_ZONE) };
    const { reference } = await fileOnBehalf(db, { actor, input, now });
    return readRequest(db, actor, reference);
  },
});

export const listRequestsOperation = defineApiOperation({
  method: 'GET',
  path: '/requests',
  operationId: 'listRequests',
  summary: 'List requests',
  description:
    'Confirmed requests, most urgent (earliest due) first, 50 a page. Follow nextCursor for the next page: keyset pagination, so later pages cost what the first does.',
  scope: 'requests:read',
  query: ZApiListRequestsQuery,
  successStatus: 200,
  result: ZApiRequestList,
  problems: [],
  handle: async ({ db, actor, query }) => {
    const page = await listQueue(db, { actor, filters: { ...query, overdue: query.overdue ?? false, dueSoon: query.dueSoon ?? false } });
    return {
      data: page.rows.map((row) => ({
        reference: row.reference,
        type: row.type,
        status: row.status,
        jurisdiction: row.jurisdiction,
        receivedOn: row.receivedOn,
        dueOn: row.dueOn,
      })),
      nextCursor: page.nextCursor,
    };
  },
});

export const getRequestOperation = defineApiOperation({
  method: 'GET',
  path: '/requests/{reference}',
  operationId: 'getRequest',
  summary: 'Get one request',
  description: 'Its status, due date and events.',
  scope: 'requests:read',
  params: ZApiReferenceParams,
  successStatus: 200,
  result: ZApiRequest,
  problems: [404],
  handle: ({ db, actor, params }) => readRequest(db, actor, params.reference),
});

export const addNoteOperation = defineApiOperation({
  method: 'POST',
  path: '/requests/{reference}/notes',
  operationId: 'addNote',
  summary: 'Add an internal note',
  description:
    'Staff see it on the request page; the requester never does. The audit trail records that the key added a note, not its text.',
  scope: 'requests:work',
  params: ZApiReferenceParams,
  body: ZApiAddNote,
  successStatus: 201,
  result: ZApiRequest,
  problems: [404, 409],
  handle: async ({ db, actor, params, body }) => {
    await addNote(db, { actor, reference: params.reference, body: body.body });
    return readRequest(db, actor, params.reference);
  },
});

const workAction = <Body extends z.ZodType>(action: {
  path: string;
  operationId: string;
  summary: string;
  description: string;
  body: Body;
  run: (context: { db: Database; actor: ApiKeyActor; reference: string; body: z.infer<Body>; now: Date }) => Promise<unknown>;
}) =>
  defineApiOperation({
    method: 'POST',
    path: `/requests/{reference}/${action.path}`,
    operationId: action.operationId,
    summary: action.summary,
    description: `${action.description} Send the version you last read: if the request changed since, the answer is 409.`,
    scope: 'requests:work',
    params: ZApiReferenceParams,
    body: action.body,
    successStatus: 200,
    result: ZApiRequest,
    problems: [404, 409],
    handle: async ({ db, actor, params, body, now }) => {
      await action.run({ db, actor, reference: params.reference, body, now });
      return readRequest(db, actor, params.reference);
    },
  });

export const startWorkOperation = workAction({
  path: 'start',
  operationId: 'startWork',
  summary: 'Start work',
  description: 'A new request (or one awaiting the requester) becomes in progress; a stopped clock restarts.',
  body: ZApiStartWork,
  run: ({ db, actor, reference, body, now }) => startWork(db, { actor, reference, version: body.version, now }),
});

export const requestInformationOperation = workAction({
  path: 'request-information',
  operationId: 'requestInformation',
  summary: 'Ask the requester for information',
  description: 'Emails the requester the question; where the jurisdiction allows, the deadline pauses until they answer.',
  body: ZApiRequestInformation,
  run: ({ db, actor, reference, body, now }) =>
    requestInformation(db, { actor, reference, version: body.version, message: body.message, now }),
});

export const extendDeadlineOperation = workAction({
  path: 'extend-deadline',
  operationId: 'extendDeadline',
  summary: 'Extend the deadline',
  description: 'Within the jurisdiction’s limit, before the deadline passes; the requester is emailed the new date and the reason.',
  body: ZApiExtendDeadline,
  run: ({ db, actor, reference, body, now }) => extendDeadline(db, { actor, reference, version: body.version, reason: body.reason, now }),
});

export const fulfilRequestOperation = workAction({
  path: 'fulfil',
  operationId: 'fulfilRequest',
  summary: 'Close as fulfilled',
  description:
    'Closes the request with a message to the requester. Access and export requests are answered with files: release the package their data sources gathered (release-package; once a package is built that is the only way to close, and this answers 409), or staff attach files on the request page.',
  body: ZApiFulfilRequest,
  run: ({ db, actor, reference, body, now }) =>
    fulfilRequest(db, { actor, reference, version: body.version, message: body.message, files: [], now }),
});

export const releasePackageOperation = workAction({
  path: 'release-package',
  operationId: 'releasePackage',
  summary: 'Release the gathered data package',
  description:
    'Answers an access or export request with the package its data sources gathered, as the staff page’s “Release to requester” does: the ZIP becomes the requester’s download (the organisation’s expiry and download limit) and the request closes as fulfilled with your message. Only a built, unreleased package that is the newest gathered and still in storage can be released; otherwise 409.',
  body: ZApiReleasePackage,
  run: ({ db, actor, reference, body, now }) =>
    releasePackage(db, { actor, reference, version: body.version, runId: body.runId, message: body.message, now }),
});

export const rejectRequestOperation = workAction({
  path: 'reject',
  operationId: 'rejectRequest',
  summary: 'Reject',
  description: 'Declines the request on one of the standard bases; the requester is emailed the reason.',
  body: ZApiRejectRequest,
  run: ({ db, actor, reference, body, now }) =>
    rejectRequest(db, { actor, reference, version: body.version, basis: body.basis, message: body.message, now }),
});

/** In the order the reference page lists them. */
export const v1Operations = [
  fileRequestOperation,
  listRequestsOperation,
  getRequestOperation,
  addNoteOperation,
  startWorkOperation,
  requestInformationOperation,
  extendDeadlineOperation,
  fulfilRequestOperation,
  releasePackageOperation,
  rejectRequestOperation,
];
