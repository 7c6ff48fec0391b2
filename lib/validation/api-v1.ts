import { z } from 'zod';
import { text } from './text';
import { requestStatuses } from '@/lib/requests/request-status';
import { ZJurisdiction } from './jurisdiction';
import { queueStatuses } from './queue-filters';
import { ZRequestType } from './request-type';
import {
  ZAddNote,
  ZExtendDeadline,
  ZFileOnBehalfFields,
  ZFulfilRequest,
  ZReference,
  ZRejectRequest,
  ZRequestInformation,
  ZStartWork,
} from './staff-actions';
import { requireWhatToCorrect } from './correction-request';
import { ZReleasePackage } from './fulfilment';

/**
 * The /api/v1 contract: the bodies are the staff forms' own schemas (ZFileOnBehalf,
 * ZStartWork, …) less the reference, which is in the path, so the API and the staff pages
 * refuse exactly the same input. The OpenAPI document is generated from these.
 */

export const ZApiReferenceParams = z.strictObject({ reference: ZReference });

/** Filing from another system: what staff enter on "File a request", the channel and date defaulting to "other" and today. */
export const ZApiFileRequest = ZFileOnBehalfFields.extend({
  intakeChannel: ZFileOnBehalfFields.shape.intakeChannel.default('other'),
  receivedOn: ZFileOnBehalfFields.shape.receivedOn.optional().describe('The day the request reached you (YYYY-MM-DD); today if left out'),
})
  .superRefine(requireWhatToCorrect)
  .meta({ id: 'FileRequest' });
export type TApiFileRequest = z.infer<typeof ZApiFileRequest>;

export const ZApiAddNote = ZAddNote.omit({ reference: true }).meta({ id: 'AddNote' });
export const ZApiStartWork = ZStartWork.omit({ reference: true }).meta({ id: 'StartWork' });
export const ZApiRequestInformation = ZRequestInformation.omit({ reference: true })
  .extend({
    pauseKind: ZRequestInformation.shape.pauseKind
      .default('clarification')
      .describe('Why the requester is asked: identity, clarification or fee (decides whether the clock stops)'),
  })
  .meta({ id: 'RequestInformation' });
export const ZApiExtendDeadline = ZExtendDeadline.omit({ reference: true }).meta({ id: 'ExtendDeadline' });
export const ZApiFulfilRequest = ZFulfilRequest.omit({ reference: true }).meta({ id: 'FulfilRequest' });
export const ZApiReleasePackage = ZReleasePackage.omit({ reference: true })
  .extend({
    runId: ZReleasePackage.shape.runId
      .optional()
      .describe(
        'The gathered package you checked (its run id, in the data_package_built event with audit:read); left out, the newest, the only one that may be released',
      ),
  })
  .meta({ id: 'ReleasePackage' });
export const ZApiRejectRequest = ZRejectRequest.omit({ reference: true }).meta({ id: 'RejectRequest' });

const flag = z.enum(['true', 'false']).transform((value) => value === 'true');

/** The queue's filters as query parameters. Unlike the staff page's URL, a value that does not parse is an error, not ignored. */
export const ZApiListRequestsQuery = z
  .strictObject({
    status: z
      .enum([...queueStatuses, 'open', 'all'])
      .optional()
      .describe('open (default): new, in progress or awaiting the requester'),
    type: ZRequestType.optional(),
    jurisdiction: ZJurisdiction.optional(),
    assignee: z
      .union([z.enum(['unassigned', 'anyone']), z.uuid()])
      .optional()
      .describe('A staff member’s id, unassigned, or anyone (default)'),
    overdue: flag.optional(),
    dueSoon: flag.optional(),
    receivedFrom: z.iso.date().optional(),
    receivedTo: z.iso.date().optional(),
    q: text().trim().max(254).optional().describe('A reference (DSR-…) or the requester’s exact email address'),
    after: text().max(200).optional().describe('The nextCursor of the previous page'),
  })
  .meta({ id: 'ListRequestsQuery' });

const ZApiRequestStatus = z.enum(requestStatuses);

export const ZApiRequestSummary = z
  .object({
    reference: text(),
    type: ZRequestType,
    status: ZApiRequestStatus,
    jurisdiction: text(),
    receivedOn: z.iso.date(),
    dueOn: z.iso.date().nullable(),
  })
  .meta({ id: 'RequestSummary' });

export const ZApiRequestList = z
  .object({
    data: z.array(ZApiRequestSummary),
    nextCursor: text().nullable().describe('Pass as ?after= for the next page; null on the last page'),
  })
  .meta({ id: 'RequestList' });

export const ZApiEvent = z
  .object({
    id: z.number().int(),
    action: text(),
    actorType: z.enum(['requester', 'staff', 'system', 'api_key']),
    isVisibleToRequester: z.boolean(),
    createdAt: z.iso.datetime({ offset: true }),
    details: z.record(z.string(), z.unknown()).optional().describe('Only with the audit:read scope'),
  })
  .meta({ id: 'Event' });

export const ZApiRequest = ZApiRequestSummary.extend({
  version: z.number().int().describe('Send it back with a work action: a stale version is refused with 409'),
  channel: z.enum(['web', 'api', 'staff']),
  acknowledgementDueOn: z.iso.date().nullable(),
  extensionCount: z.number().int(),
  closedAt: z.iso.datetime({ offset: true }).nullable(),
  events: z
    .array(ZApiEvent)
    .describe('With requests:read, the events the requester also sees; with audit:read, every event with its details'),
}).meta({ id: 'Request' });
export type TApiRequest = z.infer<typeof ZApiRequest>;
