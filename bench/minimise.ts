/**
 * The retention job at a million requests: how long minimise-closed-requests takes
 * when most closed requests were minimised on earlier days and a backlog is due,
 * and which index finds its batches. Prints figures and the plan; asserts nothing.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/minimise.ts
 *
 * Creates a fresh database on that server (dropped at the end). BENCH_ROWS changes
 * the size, BENCH_BACKLOG how many closed requests are past retention and not yet minimised.
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import type postgres from 'postgres';
import { minimiseClosedRequests, selectDueRequests } from '@/lib/requests/minimise-closed-requests';
import { openBenchDatabase } from './open-bench-database';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const BACKLOG = Number(process.env.BENCH_BACKLOG ?? 20_000);

async function main() {
  process.env.STORAGE_DIR ??= `/tmp/dsr-desk-bench-minimise-${process.pid}`;
  const { client, db, close } = await openBenchDatabase('bench_minimise');
  try {
    const seedStart = performance.now();
    await seedRequests(client);
    console.log(
      `Seeded ${ROWS.toLocaleString('en')} requests (${BACKLOG.toLocaleString('en')} due) in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`,
    );

    const plan = await db.transaction(async (tx) => {
      const query = selectDueRequests(tx, { closedBefore: new Date(Date.now() - 365 * 86_400_000), cursor: null, limit: 250 });
      const rows = await tx.execute<{ 'QUERY PLAN': string }>(sql`explain (analyze, buffers) ${query.getSQL()}`);
      return rows.map((row) => row['QUERY PLAN']).join('\n  ');
    });
    console.log(`\n## one batch's select (250 rows, locked)\n  ${plan}`);

    const start = performance.now();
    const minimised = await minimiseClosedRequests(db, { now: new Date() });
    const elapsed = performance.now() - start;
    console.log(
      `\n## backlog: ${minimised.toLocaleString('en')} requests minimised in ${(elapsed / 1000).toFixed(1)} s (${((elapsed / minimised) * 250).toFixed(0)} ms per batch of 250)`,
    );

    const idleStart = performance.now();
    await minimiseClosedRequests(db, { now: new Date() });
    console.log(`## the next day's run with nothing due: ${(performance.now() - idleStart).toFixed(1)} ms`);
  } finally {
    await close();
  }
}

/**
 * Requests received over three years, 95 % closed 20 days after receipt. Closed
 * ones past 365 days were minimised on earlier days, except the newest BACKLOG of them.
 */
async function seedRequests(client: postgres.Sql) {
  await client.unsafe(`
    with shaped as (
      select g, current_date - ((g::bigint * 7919) % 1095)::int as received_on, case when g % 20 = 0 then 'in_progress' else 'fulfilled' end as status
      from generate_series(1, ${ROWS}) g
    )
    insert into requests (reference, type, status, channel, jurisdiction, email_hash, email, full_name, details, received_at, received_on, verified_at, due_on, closed_at)
    select 'DSR-2025-' || lpad(g::text, 7, '0'), 'deletion', status::request_status, 'web', 'eu_gdpr', md5('bench-' || g), 'bench-' || g || '@example.test', 'Bench Person', 'Please erase me.',
      received_on::timestamptz, received_on, received_on::timestamptz, received_on + 30,
      case when status = 'fulfilled' then received_on::timestamptz + interval '20 days' end
    from shaped`);
  await client.unsafe(`
    with past as (
      select id, row_number() over (order by closed_at desc) as newest from requests where closed_at < now() - interval '365 days'
    )
    update requests r set email = null, full_name = null, details = null, purged_at = r.closed_at + interval '365 days'
    from past where past.id = r.id and past.newest > ${BACKLOG}`);
  await client`vacuum analyze requests`;
}

await main();
