import { eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { nextReferenceNumber } from '@/db/queries/requests';
import { requests } from '@/db/schema';
import { recordEvent } from '@/lib/audit/record-event';
import { appealPolicyOf } from '@/lib/deadlines/appeal-rules';
import { toCalendarDate } from '@/lib/deadlines/calendar-date';
import { computeDueDate } from '@/lib/deadlines/compute-due-date';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors/app-error';
import { enqueueEmail } from '@/lib/mail/enqueue-email';
import { appealWindowOf } from './appeal-window';
import { findRequestByStatusToken } from './find-request-by-status-token';
import { formatReference } from './format-reference';
import { requesterEmailContext } from './requester-email-context';

export type AppealRequestOptions = { token: string; reason: string; ip: string | null; now?: Date };

/**
 * The requester appeals a refusal from its status page, within the regime's window. The appeal is its
 * own queue item, linked to the refused request, with the regime's appeal deadline counted from today;
 * it is decided by someone other than the refuser (decide-appeal.ts). The refused request's row lock
 * and the one-appeal-per-request unique index keep two presses from making two appeals.
 */
export async function appealRequest(
  db: Database,
  { token, reason, ip, now = new Date() }: AppealRequestOptions,
): Promise<{ reference: string; dueOn: string }> {
  return db.transaction(async (tx) => {
    const refused = await findRequestByStatusToken(tx, { token, lock: true });
    if (!refused) throw new AppError('NOT_FOUND', 'We could not find this request.');
    const today = toCalendarDate(now, env().TIME_ZONE);
    const until = appealWindowOf(refused);
    if (!until || !refused.policy) throw new AppError('INVALID_TRANSITION', 'This request cannot be appealed.');
    if (today > until) throw new AppError('VALIDATION', `The time to appeal ended on ${until}.`, { field: 'reason' });
    const [existing] = await tx.select({ reference: requests.reference }).from(requests).where(eq(requests.appealOfId, refused.id));
    if (existing) throw new AppError('INVALID_TRANSITION', `You have already appealed this decision (${existing.reference}).`);

    const policy = appealPolicyOf(refused.policy);
    const dueOn = computeDueDate(today, policy);
    const reference = formatReference(today, await nextReferenceNumber(tx));
    const [appeal] = await tx
      .insert(requests)
      .values({
        type: refused.type,
        status: 'new',
        channel: 'web',
        jurisdiction: refused.jurisdiction,
        emailHash: refused.emailHash,
        email: refused.email,
        fullName: refused.fullName,
        accountIdentifier: refused.accountIdentifier,
        details: reason,
        receivedAt: now,
        receivedOn: today,
        verifiedAt: now,
        reference,
        policy,
        dueOn,
        originalDueOn: dueOn,
        appealOfId: refused.id,
      })
      .returning();
    await tx
      .update(requests)
      .set({ version: sql`${requests.version} + 1`, updatedAt: now })
      .where(eq(requests.id, refused.id));
    await recordEvent(tx, {
      requestId: refused.id,
      actor: { type: 'requester' },
      action: 'appealed',
      details: { appealReference: reference, dueOn },
      ip,
      isVisibleToRequester: true,
    });
    await recordEvent(tx, {
      requestId: appeal!.id,
      actor: { type: 'requester' },
      action: 'appeal_received',
      details: { appealOf: refused.reference, reason, dueOn },
      ip,
      isVisibleToRequester: true,
    });
    await enqueueEmail(tx, {
      requestId: appeal!.id,
      to: refused.email!,
      payload: {
        template: 'acknowledgement',
        version: 1,
        props: {
          ...(await requesterEmailContext(tx, appeal!)),
          requestTypeLabel: `Appeal of ${refused.reference}`,
          receivedOn: today,
          dueOn,
          jurisdictionLabel: policy.label,
        },
      },
    });
    return { reference, dueOn };
  });
}
