import { findContestStatement } from './find-contest-statement';
import { and, asc, desc, eq, isNotNull, isNull, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '@/db/client';
import { outboundEmails, type RequestRow, requestAttachments, requestEvents, requestNotes, requests, staffMembers } from '@/db/schema';
import { toCalendarDate } from '@/lib/deadlines/calendar-date';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors/app-error';
import { findCopyRelease } from '@/lib/fulfilment/find-copy-release';
import { canOpenRequestDocuments } from './can-open-request-documents';
import { listAvailableActions } from './list-available-actions';
import { listCorrectionAttachments } from './list-correction-attachments';
import { isActive } from './request-status';
import { listPausedIntervals } from './list-paused-intervals';
import { assertCan, type UseCaseActor } from '@/lib/staff/staff-actor';

/** Everything the staff request page shows, with the actions this actor may take now. Auditors may read it too; requesters never reach it. */
export async function getRequestDetail(db: Database, { actor, reference }: { actor: UseCaseActor; reference: string }) {
  assertCan(actor, 'requests.read');
  const assignee = alias(staffMembers, 'assignee');
  const [row] = await db
    .select({ request: requests, assigneeName: assignee.name, assigneeEmail: assignee.email })
    .from(requests)
    .leftJoin(assignee, eq(assignee.id, requests.assigneeId))
    .where(eq(requests.reference, reference));
  if (!row) throw new AppError('NOT_FOUND', `No request ${reference}.`);
  const requestId = row.request.id;

  const [events, notes, attachments, emails, appealLinks, availableActions, relatedRequests, copyRelease] = await Promise.all([
    db
      .select({
        id: requestEvents.id,
        action: requestEvents.action,
        details: requestEvents.details,
        actorType: requestEvents.actorType,
        actorName: staffMembers.name,
        actorEmail: staffMembers.email,
        isVisibleToRequester: requestEvents.isVisibleToRequester,
        createdAt: requestEvents.createdAt,
      })
      .from(requestEvents)
      // actor_id is text (it may name a non-staff actor later); compare as text, not uuid = text, which PostgreSQL refuses.
      .leftJoin(staffMembers, eq(sql`${staffMembers.id}::text`, requestEvents.actorId))
      .where(eq(requestEvents.requestId, requestId))
      .orderBy(asc(requestEvents.id)),
    db
      .select({
        id: requestNotes.id,
        body: requestNotes.body,
        isFromRequester: requestNotes.isFromRequester,
        authorName: staffMembers.name,
        authorEmail: staffMembers.email,
        createdAt: requestNotes.createdAt,
      })
      .from(requestNotes)
      .leftJoin(staffMembers, eq(staffMembers.id, requestNotes.staffId))
      .where(eq(requestNotes.requestId, requestId))
      .orderBy(asc(requestNotes.createdAt)),
    db
      .select()
      .from(requestAttachments)
      .where(and(eq(requestAttachments.requestId, requestId), isNull(requestAttachments.deletedAt))),
    db
      .select({
        id: outboundEmails.id,
        template: outboundEmails.template,
        status: outboundEmails.status,
        attempts: outboundEmails.attempts,
        lastError: outboundEmails.lastError,
        createdAt: outboundEmails.createdAt,
        sentAt: outboundEmails.sentAt,
      })
      .from(outboundEmails)
      .where(eq(outboundEmails.requestId, requestId))
      .orderBy(asc(outboundEmails.createdAt)),
    findAppealLinks(db, row.request),
    listAvailableActions(db, { actor, request: row.request }),
    // The same person's other requests (access and deletion, say), found by the keyed email hash
    // (requests_by_email_hash), which survives minimisation, so the pages link to each other.
    db
      .select({ reference: requests.reference, type: requests.type, status: requests.status, receivedOn: requests.receivedOn })
      .from(requests)
      .where(and(eq(requests.emailHash, row.request.emailHash), ne(requests.id, requestId), isNotNull(requests.reference)))
      .orderBy(desc(requests.receivedAt))
      .limit(20),
    row.request.copyBeforeErasure ? findCopyRelease(db, { requestId }) : null,
  ]);
  return {
    ...row.request,
    assigneeName: row.assigneeName || row.assigneeEmail || null,
    /** The day the requester's personal data was removed (expired unconfirmed, or after the retention period). */
    minimisedOn: row.request.purgedAt ? toCalendarDate(row.request.purgedAt, env().TIME_ZONE) : null,
    events,
    notes,
    attachments,
    emails,
    pausedIntervals: listPausedIntervals(events),
    /** The requester wrote last (a reply no staff member has answered with a note yet): "Replied" on the page and the queue. */
    hasUnreadReply: notes.at(-1)?.isFromRequester === true && isActive(row.request.status),
    appealLinks,
    relatedRequests: relatedRequests as { reference: string; type: RequestRow['type']; status: RequestRow['status']; receivedOn: string }[],
    /** What this actor may do now, from the use cases' own checks. */
    availableActions,
    /** A declined correction: the requester's statement contesting the data (11 CCR §7023(f)), if they sent one. */
    contestStatement: row.request.type === 'correction' ? await findContestStatement(db, { requestId }) : null,
    /** A correction's proof documents (not yet deleted), and whether this actor may open them (as identity documents: assignee and admins). */
    correctionAttachments: row.request.type === 'correction' ? await listCorrectionAttachments(db, { requestId }) : [],
    canOpenCorrectionDocuments: canOpenRequestDocuments(actor, row.request),
    /** A deletion with a copy first, once the copy is released: when, whether downloaded, and from when erasure may go ahead. */
    copyRelease,
  };
}

/** The refused request an appeal appeals, and the appeal a refused request got (references, for links both ways). */
async function findAppealLinks(
  db: Database,
  request: { id: string; appealOfId: string | null },
): Promise<{ appealOf: string | null; appeal: string | null }> {
  const [appealOf] = request.appealOfId
    ? await db.select({ reference: requests.reference }).from(requests).where(eq(requests.id, request.appealOfId))
    : [];
  const [appeal] = await db.select({ reference: requests.reference }).from(requests).where(eq(requests.appealOfId, request.id));
  return { appealOf: appealOf?.reference ?? null, appeal: appeal?.reference ?? null };
}

export type RequestDetail = Awaited<ReturnType<typeof getRequestDetail>>;
