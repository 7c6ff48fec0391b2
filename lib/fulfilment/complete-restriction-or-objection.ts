import { supportedLocaleOf } from '@/lib/i18n/locales';
import { eq, sql } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { type FulfilmentRunRow, type FulfilmentSourceResultRow, requests } from '@/db/schema';
import { closeRequestAsFulfilled } from '@/lib/requests/close-request-as-fulfilled';
import { canTransition } from '@/lib/requests/request-status';
import { processingFlagClosingMessage } from './closing-messages';

export type CompleteRestrictionOrObjectionOptions = { run: FulfilmentRunRow; results: FulfilmentSourceResultRow[]; now: Date };

/**
 * Closes a restriction (GDPR Art. 18) or an objection (Art. 21) once its run has set the flag in
 * every source, the way an agent's "Fulfil" would (closeRequestAsFulfilled: the restriction-applied or
 * objection-upheld email). Only settleRun calls it, when no source failed, so nobody is told their data
 * is restricted while a system still uses it. Same transaction as the last outcome; the request row is
 * locked so an agent closing it at the same moment waits and then finds it closed. A request closed or
 * waiting on the requester meanwhile is left as it is.
 */
export async function completeRestrictionOrObjection(
  tx: Transaction,
  { run, results, now }: CompleteRestrictionOrObjectionOptions,
): Promise<void> {
  const [request] = await tx.select().from(requests).where(eq(requests.id, run.requestId)).for('update');
  if (!request || (request.type !== 'restriction' && request.type !== 'objection') || !canTransition(request.status, 'fulfilled')) return;
  const systems = results.map((result) => result.sourceName);
  await closeRequestAsFulfilled(tx, {
    request,
    actor: 'system',
    message: processingFlagClosingMessage(supportedLocaleOf(request.language), { type: request.type, systems }),
    files: [],
    now,
    details: { runId: run.id, appliedIn: systems },
  });
  // changeRequest bumps the version for an agent's close; here the run closes it, so a page open on the old version is refused.
  await tx
    .update(requests)
    .set({ version: sql`${requests.version} + 1`, updatedAt: now })
    .where(eq(requests.id, request.id));
}
