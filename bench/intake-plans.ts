/**
 * The plans behind `bench/intake.ts`'s figures (issue #15, item 2): `EXPLAIN (ANALYZE, BUFFERS)` of every
 * statement one ordinary submission runs inside PostgreSQL, including those of the `file_request` function and
 * of the triggers it fires, which a plain EXPLAIN of the call does not show (it is one Result node). They come from
 * auto_explain with nested statements, sent to this connection as notices; then the same for the baseline's one
 * INSERT. Files BENCH_INTAKES (default 200) submissions first, so the plans are those of a warm database.
 * Prints plans; asserts nothing. Needs a superuser connection (auto_explain is loaded per session).
 *
 *   npm run bench:intake-plans
 */
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { withPreparedStatements } from '@/db/prepared-statements';
import type { Database } from '@/db/client';
import * as schema from '@/db/schema';
import { requests } from '@/db/schema';
import { toCalendarDate } from '@/lib/deadlines/calendar-date';
import { hashEmail } from '@/lib/security/keyed-hash';
import { openBenchDatabase } from './open-bench-database';

const INTAKES = Number(process.env.BENCH_INTAKES ?? 200);

type Plan = { text: string; milliseconds: number; hit: number; read: number; dirtied: number; written: number; triggers: string };

async function main() {
  process.env.RATE_LIMIT_PER_IP_PER_HOUR = '100000000';
  const bench = await openBenchDatabase('intake_plans');
  const notices: string[] = [];
  // One connection, so the session's auto_explain settings apply to every statement; prepared, as the app's are.
  const client = postgres(bench.databaseUrl, { max: 1, onnotice: (notice) => void notices.push(notice.message) });
  const db = drizzle(withPreparedStatements(client), { schema, casing: 'snake_case' }) as unknown as Database;
  const { submitRequest } = await import('@/lib/requests/submit-request');
  const submit = (index: number) =>
    submitRequest(db, {
      input: {
        type: 'access',
        email: `plans-${index}-${Date.now()}@example.test`,
        fullName: 'Bench',
        jurisdiction: 'eu_gdpr',
        isAuthorised: true,
      },
      channel: 'api',
      ip: `10.1.${index % 250}.1`,
    });
  try {
    for (let index = 0; index < INTAKES; index += 1) await submit(index);
    await client`load 'auto_explain'`;
    await client`set auto_explain.log_min_duration = 0`;
    await client`set auto_explain.log_analyze = on`;
    await client`set auto_explain.log_buffers = on`;
    await client`set auto_explain.log_nested_statements = on`;
    await client`set auto_explain.log_triggers = on`;
    await client`set auto_explain.log_format = 'json'`;
    await client`set auto_explain.log_level = 'notice'`;

    // The first statements after loading auto_explain pay for its set-up: measure a second submission.
    await submit(INTAKES);
    notices.length = 0;
    await submit(INTAKES + 1);
    print('one ordinary submission (file_request and everything it runs)', notices.splice(0));

    await db.insert(requests).values({
      type: 'access',
      channel: 'api',
      jurisdiction: 'eu_gdpr',
      emailHash: hashEmail(`plans-baseline-${Date.now()}@example.test`),
      email: 'plans-baseline@example.test',
      fullName: 'Bench',
      receivedOn: toCalendarDate(new Date(), 'UTC'),
    });
    print("the baseline's one INSERT", notices.splice(0));
  } finally {
    await client.end({ timeout: 5 });
    await bench.close();
  }
}

function print(title: string, messages: string[]): void {
  const plans = messages.flatMap(parsePlan);
  // Nested statements are logged as they finish: a function's and a trigger's before the statement that ran them.
  const outermost = plans.at(-1);
  const inner = plans.slice(0, -1).reduce((sum, plan) => sum + plan.milliseconds, 0);
  console.log(`\n## ${title}: ${plans.length} statements`);
  console.log(`| ms | buffers hit | read | dirtied | written | statement | its triggers |\n|---|---|---|---|---|---|---|`);
  for (const plan of plans)
    console.log(
      `| ${plan.milliseconds.toFixed(3)} | ${plan.hit} | ${plan.read} | ${plan.dirtied} | ${plan.written} | ${plan.text.replace(/\s+/g, ' ').slice(0, 100).replaceAll('|', '\\|')} | ${plan.triggers} |`,
    );
  if (outermost) console.log(`outermost ${outermost.milliseconds.toFixed(3)} ms; the statements inside it ${inner.toFixed(3)} ms`);
}

function parsePlan(message: string): Plan[] {
  const start = message.indexOf('{');
  if (start < 0) return [];
  const explained = JSON.parse(message.slice(start)) as {
    'Query Text': string;
    Plan: {
      'Actual Total Time': number;
      'Shared Hit Blocks': number;
      'Shared Read Blocks': number;
      'Shared Dirtied Blocks': number;
      'Shared Written Blocks': number;
    };
    Triggers?: { 'Trigger Name': string; Time: number; Calls: number }[];
  };
  const plan = explained.Plan;
  return [
    {
      text: explained['Query Text'],
      milliseconds: plan['Actual Total Time'],
      hit: plan['Shared Hit Blocks'],
      read: plan['Shared Read Blocks'],
      dirtied: plan['Shared Dirtied Blocks'],
      written: plan['Shared Written Blocks'],
      triggers: (explained.Triggers ?? []).map((trigger) => `${trigger['Trigger Name']} ${trigger.Time.toFixed(3)} ms`).join(', '),
    },
  ];
}

await main();
