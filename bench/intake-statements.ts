/**
 * The statements one intake sends, in order, with the time between each and the next: the round trips
 * behind `bench/intake.ts`'s figures (issue #15, item 2). Files BENCH_INTAKES (default 50) new requests one
 * after another on one connection and prints the last one's statements and each statement's median gap.
 * Prints figures; asserts nothing.
 *
 *   npm run bench:intake-statements
 */
import { performance } from 'node:perf_hooks';
import { createDatabase } from '@/db/client';
import { median, reportFigure } from './bench-report';
import { openBenchDatabase } from './open-bench-database';

const INTAKES = Number(process.env.BENCH_INTAKES ?? 50);

async function main() {
  process.env.RATE_LIMIT_PER_IP_PER_HOUR = '100000000';
  const bench = await openBenchDatabase('intake_statements');
  let sent: { sql: string; at: number }[] = [];
  const { db, close } = createDatabase(bench.databaseUrl, {
    max: 1,
    logger: { logQuery: (sql) => void sent.push({ sql: sql.replace(/\s+/g, ' '), at: performance.now() }) },
  });
  const { submitRequest } = await import('@/lib/requests/submit-request');
  const gaps = new Map<string, number[]>();
  const totals: number[] = [];
  try {
    for (let index = 0; index < INTAKES; index += 1) {
      sent = [];
      const started = performance.now();
      await submitRequest(db, {
        input: {
          type: 'access',
          email: `statements-${index}-${Date.now()}@example.test`,
          fullName: 'Bench',
          jurisdiction: 'eu_gdpr',
          isAuthorised: true,
        },
        channel: 'api',
        ip: '10.0.0.1',
      });
      const ended = performance.now();
      totals.push(ended - started);
      // The first few warm the prepared statements and caches.
      if (index < Math.min(10, INTAKES / 2)) continue;
      sent.forEach((statement, position) => {
        const gap = (sent[position + 1]?.at ?? ended) - statement.at;
        const key = `${position + 1}. ${statement.sql.slice(0, 90)}`;
        gaps.set(key, [...(gaps.get(key) ?? []), gap]);
      });
    }
    console.log(`one intake: ${sent.length} statements besides BEGIN and COMMIT (drizzle's view; the last gap includes the commit)`);
    for (const [statement, times] of gaps) console.log(`${median(times).toFixed(2).padStart(7)} ms  ${statement}`);
    reportFigure({ name: 'intake statements per new request', runs: [sent.length], unit: 'statements' });
    reportFigure({ name: 'one intake, one caller, median (ms)', runs: [median(totals.slice(Math.min(10, INTAKES / 2)))], unit: 'ms' });
  } finally {
    await close();
    await bench.close();
  }
}

await main();
