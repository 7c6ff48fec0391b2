import type { StagedRow, StagedTable } from '@/lib/fulfilment/staging/stage-source-data';
import type { TWebhookTables } from '@/lib/validation/webhook';

const BATCH_ROWS = 1000;

/**
 * A webhook's tables in the staging writer's shape. A table's columns are every key
 * its rows use, in the order first seen, so a column only some rows have still gets
 * its CSV column (empty where a row lacks it).
 */
export function* webhookStagedTables(tables: TWebhookTables): Generator<StagedTable> {
  for (const [name, rows] of Object.entries(tables)) {
    yield { name, columns: columnsOf(rows), batches: inBatches(rows) };
  }
}

function columnsOf(rows: StagedRow[]): string[] {
  const columns = new Set<string>();
  for (const row of rows) for (const column of Object.keys(row)) columns.add(column);
  return [...columns];
}

async function* inBatches(rows: StagedRow[]): AsyncGenerator<StagedRow[]> {
  for (let start = 0; start < rows.length; start += BATCH_ROWS) yield rows.slice(start, start + BATCH_ROWS);
}
