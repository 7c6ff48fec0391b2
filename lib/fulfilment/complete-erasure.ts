import { eq, inArray, sql } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { dataSources, type FulfilmentRunRow, type FulfilmentSourceResultRow, requests } from '@/db/schema';
import { recordEvent } from '@/lib/audit/record-event';
import { enqueueEmail } from '@/lib/mail/enqueue-email';
import { canTransition } from '@/lib/requests/request-status';
import { requesterEmailContext } from '@/lib/requests/requester-email-context';
import type { TErasedSystem } from '@/emails/erasure-confirmed';
import { describeErasedSystems } from './describe-erased-systems';

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
  const systems = describeErasedSystems(results, new Map(sources.map((source) => [source.id, source])));
  const message = run.requesterMessage?.trim() || null;

  await tx
    .update(requests)
    .set({
      status: 'fulfilled',
      closedAt: now,
      clockStoppedAt: null,
      responseMessage: message ? `${message}\n\n${erasureResponse(systems)}` : erasureResponse(systems),
      version: sql`${requests.version} + 1`,
      updatedAt: now,
    })
    .where(eq(requests.id, request.id));
  await recordEvent(tx, {
    requestId: request.id,
    actor: { type: 'system' },
    action: 'fulfilled',
    details: { runId: run.id, erasedFrom: systems.map((system) => system.name), hasMessage: message !== null },
    isVisibleToRequester: true,
  });
  if (!request.email) return;
  await enqueueEmail(tx, {
    requestId: request.id,
    to: request.email,
    payload: {
      template: 'erasure-confirmed',
      version: 1,
      props: { ...(await requesterEmailContext(tx, request)), systems, ...(message ? { message } : {}) },
    },
  });
}

/** The status page's words: where the data was erased, and where a search afterwards proved it (the proof per system). */
function erasureResponse(systems: TErasedSystem[]): string {
  const proven = systems.filter((system) => system.provenAt);
  const erased = `We have erased your personal data from: ${systems.map((system) => system.name).join(', ')}.`;
  return proven.length === 0
    ? erased
    : `${erased} Searched again afterwards, none of your personal details were found in: ${proven.map((system) => system.name).join(', ')}.`;
}
