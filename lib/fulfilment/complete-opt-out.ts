import { eq, sql } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { type FulfilmentRunRow, type FulfilmentSourceResultRow, requests } from '@/db/schema';
import { recordEvent } from '@/lib/audit/record-event';
import { supportedLocaleOf } from '@/lib/i18n/locales';
import { enqueueEmail } from '@/lib/mail/enqueue-email';
import { canTransition } from '@/lib/requests/request-status';
import { requesterEmailContext } from '@/lib/requests/requester-email-context';
import { isOptOutType } from '@/lib/validation/data-source';
import { optOutClosingMessage } from './closing-messages';

export type CompleteOptOutOptions = { run: FulfilmentRunRow; results: FulfilmentSourceResultRow[]; now: Date };

/**
 * Closes an opt-out (sale or sharing, targeted advertising, sensitive information, marketing)
 * once its run has set the flag in every source that holds it, and queues the requester's
 * confirmation naming the systems. Only settleRun calls it, when no source failed, so nobody is
 * told they are opted out while a system still sells or mails. Same transaction as the last
 * outcome. A request closed or waiting on the requester meanwhile is left as it is.
 */
export async function completeOptOut(tx: Transaction, { run, results, now }: CompleteOptOutOptions): Promise<void> {
  const [request] = await tx.select().from(requests).where(eq(requests.id, run.requestId)).for('update');
  if (!request || !isOptOutType(request.type) || !canTransition(request.status, 'fulfilled')) return;
  const systems = results.map((result) => result.sourceName);
  // In the requester's language, as their confirmation email is: the status page shows it as stored.
  const message = optOutClosingMessage(supportedLocaleOf(request.language), { optOut: request.type, systems });
  await tx
    .update(requests)
    .set({
      status: 'fulfilled',
      closedAt: now,
      clockStoppedAt: null,
      responseMessage: message,
      version: sql`${requests.version} + 1`,
      updatedAt: now,
    })
    .where(eq(requests.id, request.id));
  await recordEvent(tx, {
    requestId: request.id,
    actor: { type: 'system' },
    action: 'fulfilled',
    details: { runId: run.id, optedOutIn: systems },
    isVisibleToRequester: true,
  });
  if (!request.email) return;
  await enqueueEmail(tx, {
    requestId: request.id,
    to: request.email,
    payload: {
      template: 'opt-out-confirmed',
      version: 1,
      props: { ...(await requesterEmailContext(tx, request)), optOut: request.type, systems },
    },
  });
}
