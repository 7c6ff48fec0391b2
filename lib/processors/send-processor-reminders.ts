import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { dataSources, fulfilmentRuns, fulfilmentSourceResults, processorNotices, requests } from '@/db/schema';
import { recordEvent } from '@/lib/audit/record-event';
import { recordSourceOutcome } from '@/lib/fulfilment/record-source-outcome';
import { ZProcessorSourceConfig } from '@/lib/validation/data-source';
import { notifyProcessor } from './notify-processor';
import { processorTopicOf } from './processor-topics';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The scheduled job for processors that have not answered an erasure or a correction: a reminder (with a link of
 * its own) every `reminderDays` after the last email, and at `cutoffDays` after the first one the
 * source fails, so the run fails and staff chase the processor (then "Retry failed sources" tells
 * it again). Each result is decided under its row lock, so an answer arriving at the same moment
 * wins or loses cleanly, and two workers never both remind. Returns the reminders and cut-offs made.
 */
export async function sendProcessorReminders(
  db: Database,
  { now = new Date() }: { now?: Date } = {},
): Promise<{ reminded: number; cutOff: number }> {
  const waiting = await db
    .select({ id: fulfilmentSourceResults.id })
    .from(fulfilmentSourceResults)
    .innerJoin(fulfilmentRuns, eq(fulfilmentRuns.id, fulfilmentSourceResults.runId))
    .where(
      and(
        eq(fulfilmentSourceResults.sourceKind, 'processor'),
        eq(fulfilmentSourceResults.status, 'awaiting_confirmation'),
        eq(fulfilmentRuns.status, 'running'),
      ),
    );
  let reminded = 0;
  let cutOff = 0;
  for (const { id } of waiting) {
    const done = await db.transaction(async (tx) => {
      // The request's row first, as every staff action and recordSourceOutcome take it: no lock-order deadlock.
      await tx
        .select({ id: requests.id })
        .from(requests)
        .innerJoin(fulfilmentRuns, eq(fulfilmentRuns.requestId, requests.id))
        .innerJoin(fulfilmentSourceResults, eq(fulfilmentSourceResults.runId, fulfilmentRuns.id))
        .where(eq(fulfilmentSourceResults.id, id))
        .for('update', { of: requests });
      const [row] = await tx
        .select({ result: fulfilmentSourceResults, config: dataSources.config, request: requests, runKind: fulfilmentRuns.kind })
        .from(fulfilmentSourceResults)
        .innerJoin(dataSources, eq(dataSources.id, fulfilmentSourceResults.sourceId))
        .innerJoin(fulfilmentRuns, eq(fulfilmentRuns.id, fulfilmentSourceResults.runId))
        .innerJoin(requests, eq(requests.id, fulfilmentRuns.requestId))
        .where(eq(fulfilmentSourceResults.id, id))
        .for('update', { of: fulfilmentSourceResults });
      const topic = row && processorTopicOf(row.runKind);
      if (row?.result.status !== 'awaiting_confirmation' || !topic) return null;
      const config = ZProcessorSourceConfig.parse(row.config);
      // Only the emails of this attempt: a retry after a cut-off starts a new notice and a new clock.
      const notices = await tx
        .select()
        .from(processorNotices)
        .where(eq(processorNotices.sourceResultId, id))
        .orderBy(asc(processorNotices.sentAt));
      const attempt = notices.slice(notices.findLastIndex((notice) => notice.kind === 'notice'));
      const first = attempt[0];
      const last = attempt.at(-1);
      if (!first || !last) return null;
      if (now.getTime() >= first.sentAt.getTime() + config.cutoffDays * DAY_MS) {
        await recordSourceOutcome(tx, {
          resultId: id,
          outcome: {
            status: 'failed',
            error: `${config.vendorName} did not confirm the ${topic} within ${config.cutoffDays} days (${attempt.length} email${attempt.length === 1 ? '' : 's'} to ${config.contactEmail}). Chase them, then retry to send a new link.`,
          },
          now,
        });
        await recordEvent(tx, {
          requestId: row.request.id,
          actor: { type: 'system' },
          action: 'processor_cut_off',
          details: { vendor: config.vendorName, recipient: config.contactEmail, topic, notices: attempt.length },
        });
        return 'cut_off' as const;
      }
      if (now.getTime() >= last.sentAt.getTime() + config.reminderDays * DAY_MS) {
        await notifyProcessor(tx, { resultId: id, request: row.request, config, topic, kind: 'reminder', firstSentAt: first.sentAt, now });
        return 'reminded' as const;
      }
      return null;
    });
    if (done === 'reminded') reminded += 1;
    if (done === 'cut_off') cutOff += 1;
  }
  return { reminded, cutOff };
}
