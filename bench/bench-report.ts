/**
 * What every bench prints last, for `npm run bench` (bench/run-all.ts) to collect: one JSON line per figure,
 * prefixed so the table builder finds them among the human-readable output.
 */
export type BenchFigure = {
  /** What was measured, e.g. "worker email throughput". */
  name: string;
  /** The figure in its unit, one entry per run (the table shows the median and the spread). */
  runs: number[];
  unit: string;
  /** The same-run baseline it is a ratio of, when there is one. */
  baseline?: { name: string; runs: number[] };
  target?: string;
};

export const figurePrefix = 'BENCH_FIGURE ';

export function reportFigure(figure: BenchFigure): void {
  console.log(`${figurePrefix}${JSON.stringify(figure)}`);
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Peak resident memory of this process so far, in MB. */
export function peakRssMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}
