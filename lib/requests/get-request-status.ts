import type { TCorrectionField } from '@/lib/validation/correction-request';
import type { RequestType } from '@/lib/validation/request-type';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '@/db/client';
import { listRequesterVisibleEvents } from '@/db/queries/request-events';
import { requestAttachments, requests } from '@/db/schema';
import { toCalendarDate } from '@/lib/deadlines/calendar-date';
import { env } from '@/lib/env';
import { rejectionBasisLabels } from '@/lib/validation/staff-actions';
import { findNoticesForRequester, type RequesterNotice } from '@/lib/incidents/find-notices-for-requester';
import { appealWindowOf } from './appeal-window';
import { listCorrectionAttachments } from './list-correction-attachments';
import { type ContestStatementView, findContestStatement } from './find-contest-statement';
import { findRequestByStatusToken } from './find-request-by-status-token';
import { getAccessInformation } from '@/lib/settings/get-access-information';
import { localiseAccessInformation } from '@/lib/settings/localise-access-information';
import { supportedLocaleOf } from '@/lib/i18n/locales';
import { isOpen, type RequestStatus, statusDefinitions } from './request-status';
import { getRequesterIdentityStep, type RequesterIdentityStep } from '@/lib/verification/get-requester-identity-step';
import { listRecipientsTold } from '@/lib/processors/list-recipients-told';
import type { ProcessorTopic } from '@/lib/processors/processor-topics';
import { findCopyRelease } from '@/lib/fulfilment/find-copy-release';
import { hasRequesterDownloads } from '@/lib/fulfilment/has-requester-downloads';

export type RequesterAttachmentView = {
  id: string;
  fileName: string;
  sizeBytes: number;
  expiresAt: Date;
  downloadsLeft: number;
  isAvailable: boolean;
};

export type RequestStatusView = {
  reference: string | null;
  type: RequestType;
  status: RequestStatus;
  jurisdictionLabel: string | null;
  receivedOn: string;
  /** The current due date while the request is open; null once it is closed (nothing is due any more). */
  dueOn: string | null;
  /** When it was closed (answered, declined, cancelled), for closed requests. */
  closedAt: Date | null;
  /** The requester's IANA time zone (from their browser), or the organisation's: times on the page are shown in it. */
  timeZone: string;
  /** Set once the deadline was extended: what the extension email said. */
  extension: { originalDueOn: string; reason: string | null; legalBasis: string } | null;
  /** Set while the clock is stopped waiting for the requester: the due date moves on by the days it stays stopped. */
  clockStoppedAt: Date | null;
  /** After a refusal: where the requester can complain (the regime's authority from settings, when an admin named one). */
  complaint: { authorityName: string | null; authorityUrl: string | null } | null;
  isCancellable: boolean;
  timeline: { id: number; action: string; at: Date }[];
  /** Personal data breach notices delivered to the request's (confirmed) address, newest first. */
  breachNotices: RequesterNotice[];
  /** The staff's latest question, while the request waits for the requester's reply. */
  openQuestion: { message: string; askedAt: Date } | null;
  /** What staff wrote when closing the request (fulfilled or declined). */
  responseMessage: string | null;
  rejectionBasisLabel: string | null;
  attachments: RequesterAttachmentView[];
  /**
   * A deletion with a copy first, once the copy is released: when, whether it was downloaded, and from when the
   * erasure may go ahead without a download (it happens once an agent erases; the request then closes).
   */
  copyBeforeErasure: { releasedAt: Date; erasureFrom: Date; isDownloaded: boolean; isFromUploadsOnly: boolean } | null;
  /** Processors told about the erasure or correction (GDPR Art. 19): who, of what, when, and whether they confirmed. Never their contact address. */
  recipientsTold: { vendorName: string; topic: ProcessorTopic; toldAt: Date; hasConfirmed: boolean }[];
  /** A refusal the regime lets the requester appeal: until when, and the appeal once made. */
  /** What the requester must still do to show who they are (lib/verification), if anything. */
  identity: RequesterIdentityStep;
  /**
   * A declined correction: the requester's statement contesting the data (11 CCR §7023(f)), or whether
   * they may still send one (until the request's personal data is removed). Null for other requests.
   */
  /** A correction's own words, until the request is minimised. */
  correction: { details: string | null; fields: TCorrectionField[]; documentCount: number } | null;
  contestStatement: { statement: ContestStatementView | null; canAdd: boolean } | null;
  appeal: {
    until: string;
    isOpenToAppeal: boolean;
    made: { reference: string | null; status: RequestStatus; dueOn: string | null } | null;
  } | null;
};

/** What the requester's private status page shows: no internal notes, no staff names. */
export async function getRequestStatus(
  db: DatabaseOrTransaction,
  { token, now = new Date() }: { token: string; now?: Date },
): Promise<RequestStatusView | null> {
  const request = await findRequestByStatusToken(db, { token });
  if (!request) return null;
  const events = await listRequesterVisibleEvents(db, { requestId: request.id });
  const attachments = hasRequesterDownloads(request)
    ? await db
        .select()
        .from(requestAttachments)
        .where(and(eq(requestAttachments.requestId, request.id), isNull(requestAttachments.deletedAt)))
        .orderBy(asc(requestAttachments.createdAt), asc(requestAttachments.fileName))
    : [];
  const until = appealWindowOf(request);
  const [made] = until
    ? await db
        .select({ reference: requests.reference, status: requests.status, dueOn: requests.dueOn })
        .from(requests)
        .where(eq(requests.appealOfId, request.id))
    : [];
  // Only once the address is confirmed: a breach notice is shown to whoever proved they hold the address it went to.
  const breachNotices = request.verifiedAt ? await findNoticesForRequester(db, { emailHash: request.emailHash }) : [];
  // The authority as written for the requester's language (its name, and its page in that language when given).
  const information =
    request.status === 'rejected'
      ? localiseAccessInformation(await getAccessInformation(db, request.jurisdiction), supportedLocaleOf(request.language))
      : null;
  const isClosed = statusDefinitions[request.status].phase === 'closed';
  const isDeclinedCorrection = request.type === 'correction' && request.status === 'rejected';
  const statement = isDeclinedCorrection ? await findContestStatement(db, { requestId: request.id }) : null;
  const lastQuestion = events.findLast((event) => event.action === 'information_requested');
  const questionText = typeof lastQuestion?.details.message === 'string' ? lastQuestion.details.message : null;
  return {
    reference: request.reference,
    type: request.type,
    status: request.status,
    jurisdictionLabel: request.policy?.label ?? null,
    receivedOn: request.receivedOn,
    dueOn: isClosed ? null : request.dueOn,
    closedAt: isClosed ? request.closedAt : null,
    timeZone: request.timeZone ?? env().TIME_ZONE,
    extension:
      request.extensionCount > 0 && request.originalDueOn
        ? {
            originalDueOn: request.originalDueOn,
            reason: request.extensionReason,
            legalBasis: request.policy?.legalBasis || request.policy?.label || '',
          }
        : null,
    clockStoppedAt: isClosed ? null : request.clockStoppedAt,
    complaint: information
      ? { authorityName: information.complaintAuthorityName ?? null, authorityUrl: information.complaintAuthorityUrl ?? null }
      : null,
    isCancellable: isOpen(request.status),
    identity: await getRequesterIdentityStep(db, request),
    timeline: events.map((event) => ({ id: event.id, action: event.action, at: event.createdAt })),
    breachNotices,
    openQuestion:
      request.status === 'awaiting_requester' && lastQuestion && questionText
        ? { message: questionText, askedAt: lastQuestion.createdAt }
        : null,
    responseMessage: request.status === 'fulfilled' || request.status === 'rejected' ? request.responseMessage : null,
    rejectionBasisLabel: request.status === 'rejected' && request.rejectionBasis ? rejectionBasisLabels[request.rejectionBasis] : null,
    /** What the requester asked to correct, in their words, until the request is minimised. */
    correction:
      request.type === 'correction' && !request.purgedAt
        ? {
            details: request.details,
            fields: request.correctionFields ?? [],
            documentCount: (await listCorrectionAttachments(db, { requestId: request.id })).length,
          }
        : null,
    contestStatement: isDeclinedCorrection ? { statement, canAdd: !statement && !request.purgedAt } : null,
    appeal: until ? { until, isOpenToAppeal: !made && toCalendarDate(now, env().TIME_ZONE) <= until, made: made ?? null } : null,
    recipientsTold: (await listRecipientsTold(db, { requestId: request.id })).map((told) => ({
      vendorName: told.vendorName,
      topic: told.topic,
      toldAt: told.firstToldAt,
      hasConfirmed: told.state === 'answered',
    })),
    copyBeforeErasure: await describeCopy(db, request, now),
    attachments: attachments.map((file) => {
      const downloadsLeft = Math.max(0, file.maxDownloads - file.downloadCount);
      return {
        id: file.id,
        fileName: file.fileName,
        sizeBytes: file.sizeBytes,
        expiresAt: file.expiresAt,
        downloadsLeft,
        isAvailable: downloadsLeft > 0 && file.expiresAt > now,
      };
    }),
  };
}

async function describeCopy(
  db: DatabaseOrTransaction,
  request: { id: string; copyBeforeErasure: boolean },
  now: Date,
): Promise<RequestStatusView['copyBeforeErasure']> {
  if (!request.copyBeforeErasure) return null;
  const copy = await findCopyRelease(db, { requestId: request.id, now });
  return copy
    ? {
        releasedAt: copy.releasedAt,
        erasureFrom: copy.erasureFrom,
        isDownloaded: copy.isDownloaded,
        isFromUploadsOnly: copy.isFromUploadsOnly,
      }
    : null;
}
