/**
 * `npm run bench`: runs each bench that reports figures in its own process (so each one's peak RSS is its
 * own), passes their output through, and ends with one table: the median of the runs with their spread,
 * and the ratio to the baseline measured in the same run. Sizes come from each bench's BENCH_* variables;
 * `BENCH_SMALL=1` picks sizes that finish in a few minutes on a busy machine.
 */
import { spawn } from 'node:child_process';
import { WORKER_NODE_FLAGS } from '../scripts/worker-node-flags';
import { type BenchFigure, figurePrefix, median } from './bench-report';

const isSmall = process.env.BENCH_SMALL === '1';
const benches: { script: string; env: Record<string, string>; nodeFlags?: string[] }[] = [
  { script: 'bench/intake.ts', env: isSmall ? { BENCH_INTAKE_SECONDS: '5' } : {} },
  { script: 'bench/intake-statements.ts', env: {} },
  { script: 'bench/audit-append.ts', env: isSmall ? { BENCH_TRANSACTIONS: '1500' } : {} },
  // The mail bench runs the worker's pools in its own process: with the worker's flags, as `npm start` runs it.
  { script: 'bench/mail-throughput.ts', env: isSmall ? { BENCH_EMAILS: '2000' } : {}, nodeFlags: WORKER_NODE_FLAGS },
  { script: 'bench/audit-export.ts', env: isSmall ? { BENCH_ROWS: '100000' } : {} },
  { script: 'bench/package-encoding.ts', env: isSmall ? { BENCH_ROWS: '50000' } : {} },
  { script: 'bench/queue.ts', env: isSmall ? { BENCH_ROWS: '100000' } : {} },
];

function runBench({ script, env, nodeFlags = [] }: (typeof benches)[number]): Promise<BenchFigure[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeFlags, '--import', 'tsx', script], {
      env: { BENCH_RUNS: '3', ...process.env, NODE_ENV: 'production', ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const figures: BenchFigure[] = [];
    let pending = '';
    child.stdout.on('data', (chunk: Buffer) => {
      pending += chunk.toString('utf8');
      const lines = pending.split('\n');
      pending = lines.pop()!;
      for (const line of lines) {
        if (line.startsWith(figurePrefix)) figures.push(JSON.parse(line.slice(figurePrefix.length)) as BenchFigure);
        else console.log(line);
      }
    });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(figures) : reject(new Error(`${script} exited with ${code}`))));
  });
}

const format = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));
const spread = (runs: number[]) => (runs.length > 1 ? `${format(Math.min(...runs))}–${format(Math.max(...runs))}` : '(1 run)');

const rows: string[] = [];
for (const bench of benches) {
  console.log(`\n== ${bench.script}`);
  for (const figure of await runBench(bench)) {
    const value = median(figure.runs);
    const baseline = figure.baseline ? median(figure.baseline.runs) : null;
    const ratio = baseline
      ? `${((100 * value) / baseline).toFixed(0)} % of ${figure.baseline!.name} (${format(baseline)} ${figure.unit}, ${spread(figure.baseline!.runs)})`
      : '';
    rows.push(`| ${figure.name} | ${format(value)} ${figure.unit} | ${spread(figure.runs)} | ${ratio} | ${figure.target ?? ''} |`);
  }
}
console.log('\n| what | median | spread | against the same-run baseline | target |\n|---|---|---|---|---|');
console.log(rows.join('\n'));
