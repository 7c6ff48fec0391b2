import { and, eq, inArray, isNotNull, isNull, lte } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { listActiveStaffByRole } from '@/db/queries/staff-members';
import { deadlineReminders, requests, staffMembers } from '@/db/schema';
import { env } from '@/lib/env';
import { activeStatuses } from '@/lib/requests/request-status';
import { enqueueEmail } from '@/lib/mail/enqueue-email';
import { requestTypeLabel } from '@/lib/requests/request-type-label';
import { getOrganisationSettings } from '@/lib/settings/get-organisation-settings';
import { queueEventWebhooks } from '@/lib/webhooks/queue-event-webhooks';
import { addDays, daysBetween, toCalendarDate } from './calendar-date';

type ReminderKind = 'due_in_7_days' | 'due_in_2_days' | 'overdue';

/** Which threshold a request has reached; the most urgent one wins, the milder ones are marked as passed. */
function thresholdsReached(daysLeft: number): ReminderKind[] {
  if (daysLeft < 0) return ['due_in_7_days', 'due_in_2_days', 'overdue'];
  if (daysLeft <= 2) return ['due_in_7_days', 'due_in_2_days'];
  if (daysLeft <= 7) return ['due_in_7_days'];
  return [];
}

/**
 * The daily deadline watch: the assignee is emailed 7 and 2 days before the due
 * date, all admins when a request becomes overdue. Each (request, threshold) is
 * inserted into deadline_reminders with ON CONFLICT DO NOTHING in the same
 * transaction as its email, so a threshold fires once however many workers run
 * this or how often it restarts. Unassigned requests' reminders go to admins.
 * A request whose clock is stopped (waiting for the requester) is skipped: its due
 * date moves when the clock restarts.
 */
export async function sendDeadlineReminders(db: Database, { now = new Date() }: { now?: Date } = {}): Promise<number> {
  const today = toCalendarDate(now, env().TIME_ZONE);
  const due = await db
    .select({
      id: requests.id,
      reference: requests.reference,
      type: requests.type,
      dueOn: requests.dueOn,
      assigneeEmail: staffMembers.email,
      assigneeName: staffMembers.name,
      assigneeActive: staffMembers.isActive,
    })
    .from(requests)
    .leftJoin(staffMembers, eq(staffMembers.id, requests.assigneeId))
    .where(
      and(
        inArray(requests.status, [...activeStatuses]),
        isNotNull(requests.dueOn),
        lte(requests.dueOn, addDays(today, 7)),
        isNull(requests.clockStoppedAt),
      ),
    );

  let sent = 0;
  for (const request of due) {
    const daysLeft = daysBetween(today, request.dueOn!);
    const kinds = thresholdsReached(daysLeft);
    if (kinds.length === 0) continue;
    sent += await db.transaction(async (tx) => {
      const inserted = await tx
        .insert(deadlineReminders)
        .values(kinds.map((kind) => ({ requestId: request.id, kind, sentAt: now })))
        .onConflictDoNothing()
        .returning({ kind: deadlineReminders.kind });
      const newest = kinds.filter((kind) => inserted.some((row) => row.kind === kind)).at(-1);
      if (!newest) return 0;
      if (newest !== 'overdue') await queueEventWebhooks(tx, { requestId: request.id, types: ['request.due_soon'], now });

      const { organisationName } = await getOrganisationSettings(tx);
      const requestUrl = `${env().APP_URL}/staff/requests/${request.reference}`;
      const admins = await listActiveStaffByRole(tx, { role: 'admin' });
      if (newest === 'overdue') {
        for (const admin of admins) {
          await enqueueEmail(tx, {
            requestId: request.id,
            to: admin.email,
            payload: {
              template: 'request-overdue',
              version: 1,
              props: {
                organisationName,
                reference: request.reference!,
                requestTypeLabel: requestTypeLabel(request.type),
                dueOn: request.dueOn!,
                assigneeName: request.assigneeName || request.assigneeEmail || null,
                requestUrl,
              },
            },
          });
        }
        return admins.length;
      }
      const recipients = request.assigneeEmail && request.assigneeActive ? [request.assigneeEmail] : admins.map((admin) => admin.email);
      for (const to of recipients) {
        await enqueueEmail(tx, {
          requestId: request.id,
          to,
          payload: {
            template: 'deadline-reminder',
            version: 1,
            props: {
              organisationName,
              reference: request.reference!,
              requestTypeLabel: requestTypeLabel(request.type),
              dueOn: request.dueOn!,
              daysLeft,
              requestUrl,
            },
          },
        });
      }
      return recipients.length;
    });
  }
  return sent;
}
