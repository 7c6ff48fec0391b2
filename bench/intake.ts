/**
 * Intake against its baseline, in the same run: `POST /api/requests` (the real route handler: zod, the
 * rate-limit counters, duplicate merge, the request row, its audit event and the verification email in
 * the outbox, one transaction) and a handler that only parses the same body with the same zod schema
 * and INSERTs one row. Both are called in this process with real Requests by CONNECTIONS concurrent
 * callers for BENCH_INTAKE_SECONDS each, alternating, unique emails; requests/s and p99 latency.
 * In process, without Next's HTTP server: the ratio is the app's own cost, not the framework's.
 * Prints figures; asserts nothing.
 *
 *   BENCH_INTAKE_SECONDS=10 BENCH_RUNS=3 npm run bench:intake
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { requests } from '@/db/schema';
import { toCalendarDate } from '@/lib/deadlines/calendar-date';
import { getDb } from '@/lib/database';
import { readJsonBody } from '@/lib/http/read-json-body';
import { hashEmail } from '@/lib/security/keyed-hash';
import { ZSubmitRequest } from '@/lib/validation/submit-request';
import { median, peakRssMb, reportFigure } from './bench-report';
import { openBenchDatabase } from './open-bench-database';

const SECONDS = Number(process.env.BENCH_INTAKE_SECONDS ?? 10);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_INTAKE_CONNECTIONS ?? 16);

type Handler = (request: Request) => Promise<Response>;

/** The baseline: the same body limit and schema, one INSERT, the same answer. */
const oneInsert: Handler = async (request) => {
  const parsed = ZSubmitRequest.safeParse(await readJsonBody(request, 16 * 1024));
  if (!parsed.success) return Response.json({ status: 'invalid' }, { status: 400 });
  await getDb()
    .insert(requests)
    .values({
      type: parsed.data.type,
      channel: 'api',
      jurisdiction: parsed.data.jurisdiction,
      emailHash: hashEmail(parsed.data.email),
      email: parsed.data.email,
      fullName: parsed.data.fullName,
      receivedOn: toCalendarDate(new Date(), 'UTC'),
    });
  return Response.json({ status: 'accepted' }, { status: 202 });
};

async function load(handler: Handler): Promise<{ perSecond: number; p99Ms: number; failed: number }> {
  const times: number[] = [];
  let failed = 0;
  const deadline = performance.now() + SECONDS * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async (_, connection) => {
      while (performance.now() < deadline) {
        const body = JSON.stringify({
          type: 'access',
          email: `intake-${randomUUID()}@example.test`,
          fullName: 'Bench Requester',
          jurisdiction: 'eu_gdpr',
          isAuthorised: true,
        });
        const request = new Request('http://localhost/api/requests', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.0.${connection}.${times.length % 250}` },
          body,
        });
        const begun = performance.now();
        const response = await handler(request);
        times.push(performance.now() - begun);
        if (response.status !== 202) failed += 1;
        await response.body?.cancel();
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const sorted = times.sort((a, b) => a - b);
  return { perSecond: times.length / seconds, p99Ms: sorted[Math.floor(sorted.length * 0.99)] ?? 0, failed };
}

async function main() {
  process.env.RATE_LIMIT_PER_IP_PER_HOUR = '100000000';
  process.env.RATE_LIMIT_PER_EMAIL_PER_DAY = '1000';
  const bench = await openBenchDatabase('intake', { poolSize: 2 });
  const { POST } = await import('@/app/api/requests/route');
  try {
    const route = { rates: [] as number[], p99: [] as number[] };
    const baseline = { rates: [] as number[], p99: [] as number[] };
    // Warm both (module loading, prepared statements, the template cache).
    await load(POST);
    await load(oneInsert);
    for (let run = 0; run < RUNS; run += 1) {
      for (const [name, handler, figures] of [
        ['route', POST, route],
        ['one INSERT', oneInsert, baseline],
      ] as const) {
        const result = await load(handler);
        figures.rates.push(result.perSecond);
        figures.p99.push(result.p99Ms);
        console.log(
          `run ${run + 1}, ${name}: ${result.perSecond.toFixed(0)} req/s, p99 ${result.p99Ms.toFixed(0)} ms${result.failed ? `, ${result.failed} not 202` : ''}`,
        );
      }
    }
    reportFigure({
      name: `intake POST /api/requests handler, ${CONNECTIONS} concurrent callers (req/s)`,
      runs: route.rates,
      unit: 'req/s',
      baseline: { name: 'zod + one INSERT', runs: baseline.rates },
      target: '≥ 80 %',
    });
    reportFigure({
      name: 'intake handler p99 (ms)',
      runs: route.p99,
      unit: 'ms',
      baseline: { name: 'zod + one INSERT', runs: baseline.p99 },
      target: '≤ 100 ms',
    });
    reportFigure({ name: 'intake bench peak RSS (MB)', runs: [peakRssMb()], unit: 'MB' });
    console.log(`medians: route ${median(route.rates).toFixed(0)} req/s, one INSERT ${median(baseline.rates).toFixed(0)} req/s`);
  } finally {
    const { closeSharedDatabase } = await import('../test/support/shared-database');
    await closeSharedDatabase();
    await bench.close();
  }
}

await main();
