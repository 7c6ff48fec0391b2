/**
 * The staff reports at a million requests: how long each report takes (median
 * of several warm runs) and how each of its queries is planned. Prints figures
 * and plans; asserts nothing.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:reports
 *
 * Creates a fresh database on that server (dropped at the end); without
 * DATABASE_URL it starts a throwaway embedded PostgreSQL. BENCH_ROWS changes the
 * size, BENCH_RUNS the number of timed runs per report.
 */
import { performance } from 'node:perf_hooks';
import type postgres from 'postgres';
import { addCalendarMonths, addDays, toCalendarDate } from '@/lib/deadlines/calendar-date';
import { env } from '@/lib/env';
import { getAnnualDisclosure } from '@/lib/reports/get-annual-disclosure';
import { getReportCsv } from '@/lib/reports/get-report-csv';
import { getRequestReport } from '@/lib/reports/get-request-report';
import { resolveDisclosureYear, resolveReportRange } from '@/lib/reports/resolve-report-range';
import type { StaffActor } from '@/lib/staff/staff-actor';
import { type CapturedQuery, openBenchDatabase } from './open-bench-database';
import { describeRequests, seedRequests } from './seed-requests';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const HISTORY_DAYS = 3 * 365;
/** The app's pool size (db/client.ts): the report's three queries run side by side, as on the page. */
const POOL_SIZE = 10;

type PlanNode = {
  'Node Type': string;
  Strategy?: string;
  'Index Name'?: string;
  'Relation Name'?: string;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  'Actual Total Time'?: number;
  'Heap Fetches'?: number;
  'Shared Hit Blocks'?: number;
  'Shared Read Blocks'?: number;
  'Temp Written Blocks'?: number;
  'Sort Method'?: string;
  'Sort Space Type'?: string;
  'Workers Launched'?: number;
  Plans?: PlanNode[];
};
type Plan = { Plan: PlanNode; 'Execution Time': number; JIT?: { Functions: number; Timing: { Total: number } } };

function describeNode(node: PlanNode): string {
  const parts = [node.Strategy ? `${node.Strategy} ${node['Node Type']}` : node['Node Type']];
  if (node['Index Name']) parts.push(`using ${node['Index Name']}`);
  if (node['Relation Name']) parts.push(`on ${node['Relation Name']}`);
  const details = [
    `${(node['Actual Rows'] ?? 0).toLocaleString('en')} rows${(node['Actual Loops'] ?? 1) > 1 ? ` × ${node['Actual Loops']} loops` : ''}`,
  ];
  details.push(`${node['Actual Total Time']?.toFixed(1)} ms`);
  details.push(`buffers hit ${node['Shared Hit Blocks']} read ${node['Shared Read Blocks']}`);
  if (node['Heap Fetches'] !== undefined) details.push(`heap fetches ${node['Heap Fetches']}`);
  if (node['Temp Written Blocks']) details.push(`temp written ${node['Temp Written Blocks']}`);
  if (node['Sort Method']) details.push(`${node['Sort Method']} (${node['Sort Space Type']})`);
  if (node['Workers Launched'] !== undefined) details.push(`${node['Workers Launched']} workers`);
  return `${parts.join(' ')} (${details.join(', ')})`;
}

function printTree(node: PlanNode, depth = 0) {
  console.log(`    ${'  '.repeat(depth)}${describeNode(node)}`);
  for (const child of node.Plans ?? []) printTree(child, depth + 1);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

async function main() {
  const { client, db, captured, close } = await openBenchDatabase('bench_reports', { poolSize: POOL_SIZE });

  try {
    const [server] = await client<{ version: string }[]>`select current_setting('server_version') as version`;
    const seedStart = performance.now();
    // Three years of history, closings and extensions spread as a real desk has them (see bench/seed-requests.ts).
    await seedRequests(client, { rows: ROWS, closedOverDays: HISTORY_DAYS });
    console.log(
      `PostgreSQL ${server!.version}. Seeded ${ROWS.toLocaleString('en')} requests in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`,
    );
    console.log(await describeRequests(client));

    const [auditor] = await client<
      { id: string }[]
    >`insert into staff_members (email, name, role) values ('bench-auditor@example.test', 'Bench auditor', 'auditor') returning id`;
    const actor: StaffActor = { staffId: auditor!.id, email: 'bench-auditor@example.test', name: 'Bench auditor', role: 'auditor' };
    const today = toCalendarDate(new Date(), env().TIME_ZONE);
    const lastTwelveMonths = resolveReportRange({}, today);
    const lastMonthStart = `${addCalendarMonths(today, -1).slice(0, 7)}-01`;
    const lastMonth = { from: lastMonthStart, to: addDays(`${today.slice(0, 7)}-01`, -1) };
    const year = resolveDisclosureYear(undefined, today);
    const twelveMonthsQuery = { from: lastTwelveMonths.from, to: lastTwelveMonths.to };

    const report = await getRequestReport(db, { actor, range: lastTwelveMonths });
    const { summary } = report;
    console.log(
      `Last 12 months (${lastTwelveMonths.from} to ${lastTwelveMonths.to}): ${summary.received.toLocaleString('en')} received, ${summary.open.toLocaleString('en')} open, ` +
        `on time ${((summary.onTimeRate ?? 0) * 100).toFixed(1)} %, median ${summary.medianDaysToClose} days, p90 ${summary.p90DaysToClose} days, ` +
        `${summary.extendedRequests.toLocaleString('en')} extended, ${report.byMonth.length} month×type×status rows, ${report.rejectionsByBasis.length} decline bases`,
    );

    const scenarios: { name: string; run: () => Promise<unknown>; explain?: boolean }[] = [
      {
        name: `report page figures, last 12 months (${lastTwelveMonths.from} to ${lastTwelveMonths.to})`,
        run: () => getRequestReport(db, { actor, range: lastTwelveMonths }),
        explain: true,
      },
      {
        name: `report page figures, one month (${lastMonth.from} to ${lastMonth.to})`,
        run: () => getRequestReport(db, { actor, range: lastMonth }),
        explain: true,
      },
      { name: `CCPA annual disclosure ${year}`, run: () => getAnnualDisclosure(db, { actor, year }), explain: true },
      {
        name: 'whole reports page (12 months + disclosure, side by side)',
        run: () => Promise.all([getRequestReport(db, { actor, range: lastTwelveMonths }), getAnnualDisclosure(db, { actor, year })]),
      },
      { name: 'CSV summary, 12 months', run: () => getReportCsv(db, { actor, report: 'summary', query: twelveMonthsQuery }) },
      { name: 'CSV by-month, 12 months', run: () => getReportCsv(db, { actor, report: 'by-month', query: twelveMonthsQuery }) },
      { name: 'CSV rejections, 12 months', run: () => getReportCsv(db, { actor, report: 'rejections', query: twelveMonthsQuery }) },
      {
        name: `CSV annual-disclosure ${year}`,
        run: () => getReportCsv(db, { actor, report: 'annual-disclosure', query: { year: String(year) } }),
      },
    ];

    const summaryRows: string[] = [];
    for (const scenario of scenarios) {
      await scenario.run(); // warm the cache and the connections
      const times: number[] = [];
      for (let run = 0; run < RUNS; run += 1) {
        captured.length = 0;
        const start = performance.now();
        await scenario.run();
        times.push(performance.now() - start);
      }
      const queries = captured.splice(0).filter((query) => /^\s*(select|with)/i.test(query.sql));
      console.log(
        `\n## ${scenario.name}: median ${median(times).toFixed(1)} ms end to end (min ${Math.min(...times).toFixed(1)}, max ${Math.max(...times).toFixed(1)}, ${RUNS} runs; ${queries.length} queries)`,
      );
      summaryRows.push(
        `| ${scenario.name} | ${median(times).toFixed(1)} | ${Math.min(...times).toFixed(1)}–${Math.max(...times).toFixed(1)} |`,
      );
      if (!scenario.explain) continue;
      for (const query of queries) {
        const plan = await explain(client, query);
        console.log(`  - ${query.sql.replace(/\s+/g, ' ').slice(0, 140)}…`);
        console.log(
          `    execution ${plan['Execution Time'].toFixed(1)} ms, buffers hit ${plan.Plan['Shared Hit Blocks']} read ${plan.Plan['Shared Read Blocks']}` +
            (plan.JIT ? `, JIT ${plan.JIT.Functions} functions ${plan.JIT.Timing.Total.toFixed(1)} ms` : ''),
        );
        printTree(plan.Plan);
      }
    }

    console.log(`\n| report | median ms (end to end, warm, ${RUNS} runs) | min–max |\n|---|---|---|`);
    console.log(summaryRows.join('\n'));
  } finally {
    await close();
  }
}

async function explain(client: postgres.Sql, query: CapturedQuery): Promise<Plan> {
  const [row] = await client.unsafe(
    `explain (analyze, buffers, format json) ${query.sql}`,
    query.params as postgres.ParameterOrJSON<never>[],
  );
  return (row!['QUERY PLAN'] as Plan[])[0]!;
}

await main();
