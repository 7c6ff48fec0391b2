import { eq, sql } from 'drizzle-orm';
import type { Database, Transaction } from '@/db/client';
import { type RequestRow, requestNotes, requests, staffMembers } from '@/db/schema';
import { env } from '@/lib/env';
import { enqueueEmail } from '@/lib/mail/enqueue-email';
import { getOrganisationSettings } from '@/lib/settings/get-organisation-settings';
import { requestTypeLabel } from './request-type-label';
import { recordEvent } from '@/lib/audit/record-event';
import { rearmDeadlineReminders } from '@/lib/deadlines/rearm-deadline-reminders';
import { AppError } from '@/lib/errors/app-error';
import { assertTransition } from './assert-transition';
import { findRequestByStatusToken } from './find-request-by-status-token';
import { resumeStoppedClock } from './resume-stopped-clock';

export type AnswerInformationRequestOptions = { token: string; message: string; ip: string | null; now?: Date };

/** The requester replies on their status page; the request returns to the queue and a stopped clock restarts. */
export async function answerInformationRequest(
  db: Database,
  { token, message, ip, now = new Date() }: AnswerInformationRequestOptions,
): Promise<void> {
  await db.transaction(async (tx) => {
    const request = await findRequestByStatusToken(tx, { token, lock: true });
    if (!request) throw new AppError('NOT_FOUND', 'We could not find this request.');
    if (request.status !== 'awaiting_requester')
      throw new AppError('INVALID_TRANSITION', 'This request is not waiting for a reply from you.');
    assertTransition(request.status, 'in_progress');

    const { dueOn, pausedDays } = resumeStoppedClock(request, now);
    await tx
      .update(requests)
      .set({
        status: 'in_progress',
        clockStoppedAt: null,
        dueOn,
        pausedDays: sql`${requests.pausedDays} + ${pausedDays}`,
        version: sql`${requests.version} + 1`,
        updatedAt: now,
      })
      .where(eq(requests.id, request.id));
    if (pausedDays > 0) await rearmDeadlineReminders(tx, { requestId: request.id });
    await tx.insert(requestNotes).values({ requestId: request.id, staffId: null, isFromRequester: true, body: message });
    await recordEvent(tx, {
      requestId: request.id,
      actor: { type: 'requester' },
      action: 'requester_replied',
      details: { pausedDays, dueOn, previousDueOn: request.dueOn },
      ip,
      isVisibleToRequester: true,
    });
    await notifyAssigneeOfReply(tx, request);
  });
}

/**
 * Tells the assignee (if any, and still active) that the requester answered, in the reply's
 * transaction: the reply and its notification are written together or not at all.
 */
async function notifyAssigneeOfReply(tx: Transaction, request: Pick<RequestRow, 'id' | 'reference' | 'type' | 'assigneeId'>) {
  if (!request.assigneeId || !request.reference) return;
  const [assignee] = await tx
    .select({ email: staffMembers.email, isActive: staffMembers.isActive })
    .from(staffMembers)
    .where(eq(staffMembers.id, request.assigneeId));
  if (!assignee?.isActive) return;
  const { organisationName } = await getOrganisationSettings(tx);
  await enqueueEmail(tx, {
    requestId: request.id,
    to: assignee.email,
    payload: {
      template: 'requester-replied',
      version: 1,
      props: {
        organisationName,
        reference: request.reference,
        requestTypeLabel: requestTypeLabel(request.type),
        requestUrl: `${env().APP_URL}/staff/requests/${request.reference}`,
      },
    },
  });
}
