import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { ensureStorageFolder } from '@/lib/fulfilment/ensure-storage-folder';
import { spreadsheetSafeCsv } from '@/lib/csv/spreadsheet-safe-csv';
import { writeFile } from 'node:fs/promises';
import { MAX_SHOWN_CELL_CHARACTERS, MAX_SHOWN_ROWS_PER_TABLE } from '../package/readable-limits';
import { shownRowsFileName, sourceStagingFolder, tableFileName } from './staging-folder';

export type StagedRow = Record<string, unknown>;
export type StagedTable = { name: string; columns: string[]; batches: AsyncIterable<StagedRow[]> };

/**
 * Writes one source's data for the package in a single pass over its rows:
 * `<slug>.json` (every table, as `{ source, tables: { name: [rows] } }`) and one
 * `<table>.csv` per table. Rows arrive in batches and go straight to disk with
 * back-pressure respected, so memory stays bounded whatever the row count.
 * The JSON keeps every value exactly; the CSVs neutralise cells a spreadsheet
 * would run as formulas (a source value such as `=HYPERLINK(…)`), as every CSV we write does.
 * The first rows of each table (at most MAX_SHOWN_ROWS_PER_TABLE, long cells cut) are also kept
 * in `<table>.shown.json` for the package's readable page: bounded, however large the table.
 * A failure removes the half-written folder: a retry starts clean.
 */
export async function stageSourceData(options: {
  runId: string;
  sourceSlug: string;
  sourceName: string;
  tables: AsyncIterable<StagedTable> | Iterable<StagedTable>;
  onProgress?: (rowsDone: number) => Promise<void>;
}): Promise<{ rowCounts: Record<string, number>; rowsDone: number }> {
  const folder = sourceStagingFolder(options.runId, options.sourceSlug);
  await rm(folder, { recursive: true, force: true });
  await ensureStorageFolder(folder);
  const json = createWriteStream(path.join(folder, `${options.sourceSlug}.json`), { mode: 0o600 });
  const rowCounts: Record<string, number> = {};
  let rowsDone = 0;
  try {
    await write(json, `{"source":${JSON.stringify(options.sourceName)},"tables":{`);
    let isFirstTable = true;
    for await (const table of options.tables) {
      await write(json, `${isFirstTable ? '' : ','}${JSON.stringify(table.name)}:[`);
      isFirstTable = false;
      const csv = createWriteStream(path.join(folder, tableFileName(table.name, 'csv')), { mode: 0o600 });
      try {
        await write(csv, spreadsheetSafeCsv([table.columns]));
        let count = 0;
        const shown: (string | number | boolean | null)[][] = [];
        for await (const batch of table.batches) {
          if (batch.length === 0) continue;
          for (const row of batch.slice(0, MAX_SHOWN_ROWS_PER_TABLE - shown.length))
            shown.push(table.columns.map((column) => shownValue(row[column])));
          await write(json, `${count === 0 ? '' : ','}${batch.map((row) => JSON.stringify(row)).join(',')}`);
          await write(csv, spreadsheetSafeCsv(batch.map((row) => table.columns.map((column) => csvValue(row[column])))));
          count += batch.length;
          rowsDone += batch.length;
          await options.onProgress?.(rowsDone);
        }
        rowCounts[table.name] = count;
        await writeFile(path.join(folder, shownRowsFileName(table.name)), JSON.stringify({ columns: table.columns, rows: shown }), {
          mode: 0o600,
        });
      } finally {
        await close(csv);
      }
      await write(json, ']');
    }
    await write(json, '}}\n');
    await close(json);
    return { rowCounts, rowsDone };
  } catch (error) {
    json.destroy();
    await rm(folder, { recursive: true, force: true });
    throw error;
  }
}

/** CSV cells: dates as ISO 8601, structured values as JSON, nothing as an empty cell. */
function csvValue(value: unknown): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value);
  if (typeof value === 'bigint') return value.toString();
  return value as string | number | boolean;
}

/** A cell for the readable page: as the CSV has it, without formula escaping, long text cut. */
function shownValue(value: unknown): string | number | boolean | null {
  const cell = csvValue(value);
  return typeof cell === 'string' && cell.length > MAX_SHOWN_CELL_CHARACTERS ? `${cell.slice(0, MAX_SHOWN_CELL_CHARACTERS)}…` : cell;
}

async function write(stream: WriteStream, chunk: string): Promise<void> {
  if (!stream.write(chunk)) await once(stream, 'drain');
}

async function close(stream: WriteStream): Promise<void> {
  if (stream.closed) return;
  stream.end();
  await once(stream, 'close');
}
