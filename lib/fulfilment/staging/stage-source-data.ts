import { once } from 'node:events';
import { PassThrough, Readable } from 'node:stream';
import { neutraliseFormula, spreadsheetSafeCsv } from '@/lib/csv/spreadsheet-safe-csv';
import { getStorage } from '@/lib/storage/get-storage';
import { MAX_SHOWN_CELL_CHARACTERS, MAX_SHOWN_ROWS_PER_TABLE } from '../package/readable-limits';
import { deleteStagedFiles } from './delete-staged-files';
import { shownRowsFileName, sourceStagingPrefix, tableFileName } from './staging-keys';

export type StagedRow = Record<string, unknown>;
export type StagedTable = { name: string; columns: string[]; batches: AsyncIterable<StagedRow[]> };

/**
 * Writes one source's data for the package in a single pass over its rows:
 * `<slug>.json` (every table, as `{ source, tables: { name: [rows] } }`) and one
 * `<table>.csv` per table, as objects in the storage (the bucket, or the encrypted local
 * folder), so whichever worker builds the package can read them. Rows arrive in batches and
 * are streamed into storage with back-pressure respected (at most two uploads at a time,
 * multipart for a bucket), so memory stays bounded whatever the row count.
 * The JSON keeps every value exactly; the CSVs neutralise cells a spreadsheet
 * would run as formulas (a source value such as `=HYPERLINK(…)`), as every CSV we write does.
 * The first rows of each table (at most MAX_SHOWN_ROWS_PER_TABLE, long cells cut) are also kept
 * in `<table>.shown.json` for the package's readable page: bounded, however large the table.
 * A failure removes what was staged for the source: a retry starts clean.
 */
export async function stageSourceData(options: {
  runId: string;
  sourceSlug: string;
  sourceName: string;
  tables: AsyncIterable<StagedTable> | Iterable<StagedTable>;
  onProgress?: (rowsDone: number) => Promise<void>;
}): Promise<{ rowCounts: Record<string, number>; rowsDone: number }> {
  const folder = sourceStagingPrefix(options.runId, options.sourceSlug);
  await deleteStagedFiles(folder);
  const json = stagedUpload(`${folder}${options.sourceSlug}.json`);
  const rowCounts: Record<string, number> = {};
  let rowsDone = 0;
  try {
    await write(json, `{"source":${JSON.stringify(options.sourceName)},"tables":{`);
    let isFirstTable = true;
    for await (const table of options.tables) {
      await write(json, `${isFirstTable ? '' : ','}${JSON.stringify(table.name)}:[`);
      isFirstTable = false;
      const csv = stagedUpload(`${folder}${tableFileName(table.name, 'csv')}`);
      try {
        await write(csv, spreadsheetSafeCsv([table.columns]));
        let count = 0;
        const shown: (string | number | boolean | null)[][] = [];
        // The next batch is asked for before this one is encoded, so the source reads while we write.
        const batches = table.batches[Symbol.asyncIterator]();
        let next = batches.next();
        for (;;) {
          const { done, value: batch } = await next;
          if (done) break;
          next = batches.next();
          if (batch.length === 0) continue;
          for (let index = 0; index < batch.length && shown.length < MAX_SHOWN_ROWS_PER_TABLE; index += 1)
            shown.push(table.columns.map((column) => shownValue(batch[index]![column])));
          // One stringify per batch (an array's JSON without its brackets), not a string per row.
          await write(json, `${count === 0 ? '' : ','}${JSON.stringify(batch).slice(1, -1)}`);
          await write(csv, csvLines(batch, table.columns));
          count += batch.length;
          rowsDone += batch.length;
          await options.onProgress?.(rowsDone);
        }
        rowCounts[table.name] = count;
        await close(csv);
        await getStorage().put(
          `${folder}${shownRowsFileName(table.name)}`,
          Readable.from([Buffer.from(JSON.stringify({ columns: table.columns, rows: shown }), 'utf8')]),
        );
      } catch (error) {
        await abandon(csv, error);
        throw error;
      }
      await write(json, ']');
    }
    await write(json, '}}\n');
    await close(json);
    return { rowCounts, rowsDone };
  } catch (error) {
    await abandon(json, error);
    await deleteStagedFiles(folder);
    throw error;
  }
}

/** A staged object being written: the stream to write to and the storage's put that reads it. */
type StagedUpload = { stream: PassThrough; stored: Promise<unknown> };

function stagedUpload(key: string): StagedUpload {
  const stream = new PassThrough();
  const stored = getStorage().put(key, stream);
  // A failed upload stops its writer: the error ends a wait for 'drain' instead of leaving it hanging.
  stored.catch((error: unknown) => stream.destroy(error as Error));
  return { stream, stored };
}

/**
 * A batch's CSV lines, written straight from the rows (no per-row array for a CSV library): the
 * same text spreadsheetSafeCsv gives (RFC 4180 quoting, formulas neutralised, `true` as 1 and
 * `false` as an empty cell, as csv-stringify writes them). Dates as ISO 8601, structured values
 * as JSON, nothing as an empty cell.
 */
export function csvLines(rows: readonly StagedRow[], columns: readonly string[]): string {
  let text = '';
  for (const row of rows) {
    for (let index = 0; index < columns.length; index += 1) {
      if (index > 0) text += ',';
      text += csvCell(row[columns[index]!]);
    }
    text += '\n';
  }
  return text;
}

const NEEDS_QUOTES = /[",\r\n]/;

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? '1' : '';
  const text =
    value instanceof Date
      ? value.toISOString()
      : typeof value === 'object'
        ? JSON.stringify(value)
        : typeof value === 'bigint'
          ? value.toString()
          : neutraliseFormula(String(value));
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A shown cell's value: dates as ISO 8601, structured values as JSON, nothing as null. */
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

async function write({ stream, stored }: StagedUpload, chunk: string): Promise<void> {
  if (stream.destroyed) await stored;
  if (!stream.write(chunk)) await Promise.race([once(stream, 'drain'), stored.then(() => {})]);
}

async function close({ stream, stored }: StagedUpload): Promise<void> {
  stream.end();
  await stored;
}

/** Ends an upload that will not be finished: the storage drops it (a local temporary file, an S3 multipart upload). */
async function abandon({ stream, stored }: StagedUpload, error: unknown): Promise<void> {
  if (!stream.writableFinished) stream.destroy(error instanceof Error ? error : new Error(String(error)));
  // The put fails with the error just given to it (or the storage's own, already on its way to the caller).
  await stored.catch(() => {});
}
