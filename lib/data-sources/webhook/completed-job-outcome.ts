import type { FulfilmentRunRow } from '@/db/schema';
import type { SourceOutcome } from '@/lib/fulfilment/source-executor';
import { stageSourceData } from '@/lib/fulfilment/staging/stage-source-data';
import type { TWebhookRowCounts, TWebhookTables } from '@/lib/validation/webhook';
import { webhookStagedTables } from './webhook-staged-tables';

/**
 * What a `completed` answer or callback means for the run: an access job's tables
 * are staged for the package (their row counts are what was staged, whatever the
 * system claims); a dry run or erasure reports its counts.
 */
export async function completedJobOutcome({
  run,
  source,
  tables,
  rowCounts,
  onProgress,
}: {
  run: Pick<FulfilmentRunRow, 'id' | 'kind'>;
  source: { slug: string; name: string };
  tables?: TWebhookTables;
  rowCounts?: TWebhookRowCounts;
  onProgress?: (rowsDone: number) => Promise<void>;
}): Promise<SourceOutcome> {
  if (run.kind === 'gather') {
    // An empty package from a system that forgot its rows would look like "holds nothing": refuse it instead.
    if (!tables)
      return {
        status: 'failed',
        error: 'Answered "completed" without "tables": an access job needs the person\'s rows (send "tables": {} if there are none).',
      };
    const staged = await stageSourceData({
      runId: run.id,
      sourceSlug: source.slug,
      sourceName: source.name,
      tables: webhookStagedTables(tables),
      onProgress,
    });
    return { status: 'succeeded', rowCounts: staged.rowCounts, rowsDone: staged.rowsDone };
  }
  const counts = rowCounts ?? {};
  return { status: 'succeeded', rowCounts: counts, rowsDone: Object.values(counts).reduce((total, count) => total + count, 0) };
}
