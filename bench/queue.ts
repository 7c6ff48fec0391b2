/**
 * The staff queue at a million requests: how long each view takes and which
 * index each query uses. Prints figures and plans; asserts nothing.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:queue
 *
 * Creates a fresh database on that server (dropped at the end); without
 * DATABASE_URL it starts a throwaway embedded PostgreSQL. BENCH_ROWS changes the size.
 */
import { performance } from 'node:perf_hooks';
import type postgres from 'postgres';
import { claimNextRequest } from '@/lib/queue/claim-next-request';
import { listQueue } from '@/lib/queue/list-queue';
import type { StaffActor } from '@/lib/staff/staff-actor';
import { ZQueueFilters } from '@/lib/validation/queue-filters';
import { reportFigure } from './bench-report';
import { type CapturedQuery, openBenchDatabase } from './open-bench-database';
import { foldStatusCounts } from '@/lib/queue/fold-status-counts';
import { describeRequests, SEARCHED_EMAIL, seedRequests } from './seed-requests';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
// Issue #15 measured the queue after 13,000 claims at a million requests, with no VACUUM in between.
const CLAIMS = Number(process.env.BENCH_CLAIMS ?? Math.min(13_000, Math.floor(ROWS * 0.013)));
const CLAIMERS = 4;
const SAMPLES = 20;

type PlanNode = {
  'Node Type': string;
  'Index Name'?: string;
  'Relation Name'?: string;
  'Actual Rows'?: number;
  'Shared Hit Blocks'?: number;
  'Shared Read Blocks'?: number;
  Plans?: PlanNode[];
};

function scans(node: PlanNode, found: string[] = []): string[] {
  if (/Scan/.test(node['Node Type']))
    found.push(
      `${node['Node Type']}${node['Index Name'] ? ` using ${node['Index Name']}` : ''}${node['Relation Name'] ? ` on ${node['Relation Name']}` : ''} (${node['Actual Rows']} rows)`,
    );
  for (const child of node.Plans ?? []) scans(child, found);
  return found;
}

async function main() {
  const { client, db, captured, close } = await openBenchDatabase('bench', { poolSize: CLAIMERS + 1 }); // a connection per claimer, and one for the views

  try {
    const seedStart = performance.now();
    // A queue running for two years (see bench/seed-requests.ts).
    await seedRequests(client, { rows: ROWS });
    // The worker folds the status deltas every minute; the seed's million are folded once, as it would have.
    await foldStatusCounts(db);
    await client`vacuum analyze request_status_deltas`;
    console.log(`Seeded ${ROWS.toLocaleString('en')} requests in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);
    console.log(await describeRequests(client));

    const [me] = await client<{ id: string }[]>`select id from staff_members where email = 'bench-agent-1@example.test'`;
    const actor: StaffActor = { staffId: me!.id, email: 'bench-agent-1@example.test', name: 'Bench agent 1', role: 'agent' };
    const [someReference] = await client<
      { reference: string }[]
    >`select reference from requests where status = 'fulfilled' offset ${Math.floor(ROWS / 8)} limit 1`;

    const view = (query: Record<string, string>) => listQueue(db, { actor, filters: ZQueueFilters.parse(query) });
    // Walk to page 200 once, untimed, to get the cursor a staff member clicking "Next page" 199 times would hold.
    let cursor: string | null = null;
    for (let page = 1; page < 200; page += 1) cursor = (await view(cursor ? { after: cursor } : {})).nextCursor;
    const scenarios: { name: string; run: () => Promise<unknown>; explainInRollback?: boolean }[] = [
      { name: 'first page, default view (open, by due date)', run: () => view({}) },
      { name: 'page 200 via cursor', run: () => view(cursor ? { after: cursor } : {}) },
      { name: 'assignee = me', run: () => view({ assignee: 'me' }) },
      { name: 'overdue', run: () => view({ overdue: '1' }) },
      { name: 'unassigned, due soon', run: () => view({ assignee: 'unassigned', dueSoon: '1' }) },
      { name: 'status = fulfilled (closed)', run: () => view({ status: 'fulfilled' }) },
      { name: 'status = all', run: () => view({ status: 'all' }) },
      { name: 'search by reference', run: () => view({ status: 'all', q: someReference!.reference }) },
      { name: 'search by email (keyed hash)', run: () => view({ status: 'all', q: SEARCHED_EMAIL }) },
      // Partial search (pg_trgm GIN indexes), over open and closed requests as the queue's search box does.
      { name: 'search by part of an email (trigram)', run: () => view({ q: 'searched.pers' }) },
      { name: 'search by part of a name (trigram)', run: () => view({ q: 'Searched Pers' }) },
      { name: 'search by part of a reference (trigram)', run: () => view({ q: '2025-0000777' }) },
      { name: 'search by a common surname, first page (trigram)', run: () => view({ q: 'lovelace' }) },
      { name: 'sort by received, newest first', run: () => view({ sort: '-received' }) },
      { name: 'claim next', run: () => claimNextRequest(db, { actor }), explainInRollback: true },
    ];

    const summary: string[] = [];
    for (const scenario of scenarios) {
      await scenario.run(); // warm the cache, as a busy queue page would be
      captured.length = 0;
      const start = performance.now();
      await scenario.run();
      const elapsed = performance.now() - start;
      const queries = captured.splice(0).filter((query) => /^\s*(select|with|update)/i.test(query.sql));
      console.log(`\n## ${scenario.name}: ${elapsed.toFixed(1)} ms end to end (${queries.length} queries)`);
      for (const query of queries) {
        const plan = await explain(client, query, scenario.explainInRollback ?? false);
        console.log(`  - ${query.sql.replace(/\s+/g, ' ').slice(0, 110)}…`);
        console.log(`    execution ${plan.executionTime.toFixed(2)} ms, buffers hit ${plan.hit} read ${plan.read}`);
        for (const scan of plan.scans) console.log(`    ${scan}`);
      }
      summary.push(`| ${scenario.name} | ${elapsed.toFixed(1)} |`);
    }

    const countStart = performance.now();
    const [allCounts] =
      await client`explain (analyze, buffers, format json) select status, count(*) from requests where status <> 'unverified' and due_on is not null group by status`;
    const allPlan = (allCounts!['QUERY PLAN'] as { Plan: PlanNode; 'Execution Time': number }[])[0]!;
    console.log(
      `\n## for comparison, counts over every status (not used by the page): ${allPlan['Execution Time'].toFixed(1)} ms (${(performance.now() - countStart).toFixed(1)} ms round trip)`,
    );
    for (const scan of scans(allPlan.Plan)) console.log(`    ${scan}`);

    console.log('\n| scenario | ms (end to end, warm) |\n|---|---|');
    console.log(summary.join('\n'));

    // Churn: agents claim in parallel, then the default view (with its per-status counts) is timed again
    // before autovacuum has had a reason to run: the case where heap fetches used to pile up.
    const beforeChurn = await sampleMilliseconds(() => view({}));
    const claimers = await client<{ id: string; email: string }[]>`
      select id, email from staff_members where email like 'bench-agent-%' order by email limit ${CLAIMERS}`;
    let started = 0;
    let claimed = 0;
    const churnStart = performance.now();
    await Promise.all(
      claimers.map(async (claimer) => {
        const claimingActor: StaffActor = { staffId: claimer.id, email: claimer.email, name: claimer.email, role: 'agent' };
        while (started < CLAIMS) {
          started += 1;
          if ((await claimNextRequest(db, { actor: claimingActor })) === null) break;
          claimed += 1;
        }
      }),
    );
    const claimsPerSecond = claimed / ((performance.now() - churnStart) / 1000);
    const afterChurn = await sampleMilliseconds(() => view({}));
    console.log(
      `\n## churn: ${claimed.toLocaleString('en')} claims by ${CLAIMERS} agents at once, ${claimsPerSecond.toFixed(0)} claims/s; default view p95 ${percentile(beforeChurn, 95).toFixed(1)} ms before, ${percentile(afterChurn, 95).toFixed(1)} ms after (${SAMPLES} samples each, no VACUUM in between)`,
    );
    for (const query of captured
      .splice(0)
      .filter((query) => /request_status_totals/i.test(query.sql))
      .slice(-1)) {
      const plan = await explain(client, query, false);
      console.log(`  counts after churn: execution ${plan.executionTime.toFixed(2)} ms, buffers hit ${plan.hit} read ${plan.read}`);
      for (const scan of plan.scans) console.log(`    ${scan}`);
    }
    reportFigure({
      name: `claim-next, ${CLAIMERS} concurrent claimers, ${ROWS.toLocaleString('en')} requests`,
      runs: [claimsPerSecond],
      unit: 'claims/s',
      target: '≥ 1,000/s',
    });
    reportFigure({
      name: `queue default view p95 after ${claimed.toLocaleString('en')} claims, no VACUUM`,
      runs: [percentile(afterChurn, 95)],
      unit: 'ms',
      baseline: { name: 'the same view before the claims', runs: [percentile(beforeChurn, 95)] },
      target: '≤ 20 ms at all times',
    });
  } finally {
    await close();
  }
}

async function sampleMilliseconds(run: () => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let sample = 0; sample < SAMPLES; sample += 1) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  return samples;
}

function percentile(values: number[], rank: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((rank / 100) * sorted.length) - 1)]!;
}

async function explain(client: postgres.Sql, query: CapturedQuery, inRollback: boolean) {
  const run = async (sql: postgres.Sql | postgres.TransactionSql) => {
    const [row] = await sql.unsafe(
      `explain (analyze, buffers, format json) ${query.sql}`,
      query.params as postgres.ParameterOrJSON<never>[],
    );
    return (
      row!['QUERY PLAN'] as { Plan: PlanNode & { 'Shared Hit Blocks': number; 'Shared Read Blocks': number }; 'Execution Time': number }[]
    )[0]!;
  };
  let plan: Awaited<ReturnType<typeof run>> | undefined;
  if (inRollback) {
    // EXPLAIN ANALYZE runs the statement: roll the claim back so the queue stays as it was.
    await client
      .begin(async (transaction) => {
        plan = await run(transaction);
        throw new Error('rollback');
      })
      .catch((error: unknown) => {
        if (!(error instanceof Error && error.message === 'rollback')) throw error;
      });
  } else plan = await run(client);
  return {
    executionTime: plan!['Execution Time'],
    hit: plan!.Plan['Shared Hit Blocks'],
    read: plan!.Plan['Shared Read Blocks'],
    scans: scans(plan!.Plan),
  };
}

await main();
