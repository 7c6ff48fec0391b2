/**
 * A child process for the fault tests: keeps `LOAD_CLIENTS` loops of short
 * transactions and plain queries running against DATABASE_URL through the app's
 * own client (drizzle on postgres.js), whatever the database does, and answers
 * on 127.0.0.1:PROBE_PORT:
 *   GET /stats  → counts of statements that succeeded and failed so far;
 *   GET /probe  → runs 40 queries at once and reports how many answered, how many
 *                 failed and the slowest, so a test can tell "serves again" from
 *                 "some connections hang until CONNECT_TIMEOUT".
 * An uncaught exception (the postgres.js null-socket write) ends this process,
 * which is exactly what the test watches for.
 */
import { createServer } from 'node:http';
import { sql } from 'drizzle-orm';
import { createDatabase } from '@/db/client';

const databaseUrl = process.env.DATABASE_URL!;
const probePort = Number(process.env.PROBE_PORT);
const clients = Number(process.env.LOAD_CLIENTS || 20);
const { db } = createDatabase(databaseUrl, { max: 10 });

const stats = { succeeded: 0, failed: 0, lastError: '' };
let isRunning = true;

await db.execute(
  sql`create table if not exists fault_probe (id bigserial primary key, client int not null, at timestamptz not null default now())`,
);

async function loop(client: number): Promise<void> {
  for (let round = 0; isRunning; round++) {
    try {
      if (round % 2 === 0) {
        await db.transaction(async (tx) => {
          await tx.execute(sql`insert into fault_probe (client) values (${client})`);
          await tx.execute(sql`select count(*) from fault_probe where client = ${client}`);
          await tx.execute(sql`select pg_sleep(0.002)`);
        });
      } else {
        await db.execute(sql`select ${client}::int as client, now()`);
      }
      stats.succeeded++;
    } catch (error) {
      stats.failed++;
      stats.lastError = error instanceof Error ? error.message : String(error);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

async function probe(): Promise<{ answered: number; failed: number; slowestMs: number; errors: string[] }> {
  const results = await Promise.all(
    Array.from({ length: 40 }, async (_, index) => {
      const started = performance.now();
      try {
        await db.execute(sql`select ${index}::int as probe`);
        return { ok: true, ms: performance.now() - started, error: '' };
      } catch (error) {
        return { ok: false, ms: performance.now() - started, error: error instanceof Error ? error.message : String(error) };
      }
    }),
  );
  return {
    answered: results.filter((result) => result.ok).length,
    failed: results.filter((result) => !result.ok).length,
    slowestMs: Math.round(Math.max(...results.map((result) => result.ms))),
    errors: [...new Set(results.filter((result) => !result.ok).map((result) => result.error))],
  };
}

createServer((request, response) => {
  const answer = (body: unknown) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body));
  };
  if (request.url === '/probe') void probe().then(answer);
  else answer(stats);
}).listen(probePort, '127.0.0.1', () => console.log('ready'));

for (let client = 0; client < clients; client++) void loop(client);
process.on('SIGTERM', () => {
  isRunning = false;
  process.exit(0);
});
