import { eq, sql } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { type FulfilmentRunRow, type FulfilmentSourceResultRow, requests } from '@/db/schema';
import { closeRequestAsFulfilled } from '@/lib/requests/close-request-as-fulfilled';
import { canTransition } from '@/lib/requests/request-status';

export type CompleteRestrictionOrObjectionOptions = { run: FulfilmentRunRow; results: FulfilmentSourceResultRow[]; now: Date };

/** What was done, before the systems it was done in (the stored closing message, also in the email). */
const outcomes = {
  restriction: 'We restricted the processing of your personal data: we keep it, but use it for nothing else until the restriction ends.',
  objection: 'We stopped the processing you objected to, including any direct marketing.',
} as const;

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
    message: `${outcomes[request.type]} We applied it in: ${systems.join(', ')}.`,
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
