import { eq, inArray, sql } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { dataSources, type FulfilmentRunRow, type FulfilmentSourceResultRow, requests } from '@/db/schema';
import { recordEvent } from '@/lib/audit/record-event';
import { enqueueEmail } from '@/lib/mail/enqueue-email';
import { canTransition } from '@/lib/requests/request-status';
import { requesterEmailContext } from '@/lib/requests/requester-email-context';
import { describeErasedSystems } from './describe-erased-systems';
import { erasureClosingMessage } from './closing-messages';
import { supportedLocaleOf } from '@/lib/i18n/locales';
import { lastBackupExpiry } from './backup-expiry';
import { toCalendarDate } from '@/lib/deadlines/calendar-date';
import { env } from '@/lib/env';

export type CompleteErasureOptions = { run: FulfilmentRunRow; results: FulfilmentSourceResultRow[]; now: Date };

/**
 * Closes a deletion request once its erasure run has succeeded in every source,
 * and queues the requester's confirmation listing what happened in each system.
 * Only settleRun calls it, and only when no source failed, so a request is never
 * reported erased while a source still holds the data. Runs on the transaction of
 * the last outcome: the status, the event and the email commit together.
 *
 * The state machine decides which requests close (canTransition with
 * `when: 'erasure_completed'`): from "awaiting requester" too, because the data
 * is gone and reporting the request as still waiting would be false. A request
 * closed meanwhile (cancelled during the run) is left as it is; the run's own
 * events record the erasure.
 */
export async function completeErasure(tx: Transaction, { run, results, now }: CompleteErasureOptions): Promise<void> {
  const [request] = await tx.select().from(requests).where(eq(requests.id, run.requestId)).for('update');
  if (!request || !canTransition(request.status, 'fulfilled', { when: 'erasure_completed' })) return;

  const sourceIds = [...new Set(results.map((result) => result.sourceId))];
  const sources =
    sourceIds.length > 0
      ? await tx
          .select({ id: dataSources.id, config: dataSources.config, publicName: dataSources.publicName })
          .from(dataSources)
          .where(inArray(dataSources.id, sourceIds))
      : [];
  // Table labels in the language the confirmation email is written in.
  const systems = describeErasedSystems(results, new Map(sources.map((source) => [source.id, source])), request.language);
  const message = run.requesterMessage?.trim() || null;
  const backupsExpireAt = lastBackupExpiry(
    sources.map((source) => source.config),
    now,
  );
  const backupsExpireOn = backupsExpireAt ? toCalendarDate(backupsExpireAt, env().TIME_ZONE) : null;
  // The system's words in the requester's language (as their email); the agent's own message above them as written.
  const systemMessage = erasureClosingMessage(supportedLocaleOf(request.language), { systems, backupsExpireOn });

  await tx
    .update(requests)
    .set({
      status: 'fulfilled',
      closedAt: now,
      clockStoppedAt: null,
      responseMessage: message ? `${message}\n\n${systemMessage}` : systemMessage,
      version: sql`${requests.version} + 1`,
      updatedAt: now,
    })
    .where(eq(requests.id, request.id));
  await recordEvent(tx, {
    requestId: request.id,
    actor: { type: 'system' },
    action: 'fulfilled',
    details: {
      runId: run.id,
      erasedFrom: systems.map((system) => system.name),
      hasMessage: message !== null,
      ...(backupsExpireOn ? { backupsExpireOn } : {}),
    },
    isVisibleToRequester: true,
  });
  if (!request.email) return;
  await enqueueEmail(tx, {
    requestId: request.id,
    to: request.email,
    payload: {
      template: 'erasure-confirmed',
      version: 1,
      props: {
        ...(await requesterEmailContext(tx, request)),
        systems,
        ...(message ? { message } : {}),
        ...(backupsExpireOn ? { backupsExpireOn } : {}),
      },
    },
  });
}
