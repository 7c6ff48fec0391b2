/**
 * The encoding half of packaging alone, without a database: BENCH_ROWS order-like rows in batches of
 * 1,000 written as the package's JSON and CSV text, the way staging did before (a JSON string per row,
 * a cell array per row handed to csv-stringify) and the way it does now (one JSON.stringify per batch,
 * CSV lines written straight from the rows, lib/fulfilment/staging/stage-source-data.ts), alternating,
 * median of BENCH_RUNS. Both produce the same bytes (checked once). Prints figures; asserts nothing.
 *
 *   BENCH_ROWS=200000 BENCH_RUNS=3 npm run bench:package-encoding
 */
import { performance } from 'node:perf_hooks';
import { spreadsheetSafeCsv } from '@/lib/csv/spreadsheet-safe-csv';
import { csvLines, type StagedRow } from '@/lib/fulfilment/staging/stage-source-data';
import { median, peakRssMb, reportFigure } from './bench-report';

const ROWS = Number(process.env.BENCH_ROWS ?? 200_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const columns = ['id', 'placed_at', 'total_pence', 'status', 'shipping_name', 'shipping_address'];

function batchAt(start: number, size: number): StagedRow[] {
  return Array.from({ length: size }, (_, offset) => ({
    id: start + offset,
    placed_at: new Date(Date.UTC(2024, 2, 1, 12) + (start + offset) * 1000),
    total_pence: 1000 + ((start + offset) % 5000),
    status: 'delivered',
    shipping_name: 'Ada Lovelace',
    shipping_address: '12 Test Street, York, "old town", YO1 7HH',
  }));
}

function csvValue(value: unknown): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value);
  return value as string | number | boolean;
}

const before = (batch: StagedRow[]) => ({
  json: batch.map((row) => JSON.stringify(row)).join(','),
  csv: spreadsheetSafeCsv(batch.map((row) => columns.map((column) => csvValue(row[column])))),
});
const after = (batch: StagedRow[]) => ({ json: JSON.stringify(batch).slice(1, -1), csv: csvLines(batch, columns) });

function measure(encode: typeof before): number {
  let bytes = 0;
  const started = performance.now();
  for (let start = 0; start < ROWS; start += 1000) {
    // Rows are made outside the timed part in real life (the cursor); here they are cheap beside encoding.
    const { json, csv } = encode(batchAt(start, Math.min(1000, ROWS - start)));
    bytes += json.length + csv.length;
  }
  if (bytes === 0) throw new Error('nothing encoded');
  return ROWS / ((performance.now() - started) / 1000);
}

const sample = batchAt(0, 50);
if (before(sample).json !== after(sample).json || before(sample).csv !== after(sample).csv) throw new Error('the two encodings differ');

const rates = { before: [] as number[], after: [] as number[] };
measure(before);
measure(after);
for (let run = 0; run < RUNS; run += 1) {
  rates.before.push(measure(before));
  rates.after.push(measure(after));
  console.log(
    `run ${run + 1}: per-row copies ${rates.before.at(-1)!.toFixed(0)} rows/s, straight ${rates.after.at(-1)!.toFixed(0)} rows/s`,
  );
}
reportFigure({
  name: `package encoding, ${ROWS.toLocaleString('en')} rows to JSON and CSV text (rows/s)`,
  runs: rates.after,
  unit: 'rows/s',
  baseline: { name: 'per-row strings and cell arrays (before)', runs: rates.before },
});
reportFigure({ name: 'package encoding peak RSS (MB)', runs: [peakRssMb()], unit: 'MB' });
console.log(`medians: before ${median(rates.before).toFixed(0)} rows/s, after ${median(rates.after).toFixed(0)} rows/s`);
