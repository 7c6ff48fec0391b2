/**
 * The audit log without a global lock: event-writing transactions per second with 16 concurrent writers
 * (each a transaction that records one event on one of 200 requests, as a staff action or an intake does),
 * against the same transactions inserting the same row into a plain table with no trigger (the one-INSERT
 * baseline, same run). Then how fast the sealer and the verifier go through the log. Asserts nothing.
 *
 *   BENCH_TRANSACTIONS=4000 BENCH_RUNS=3 npm run bench:audit
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { createDatabase } from '@/db/client';
import { recordEvent } from '@/lib/audit/record-event';
import { sealAuditLogFully } from '@/lib/audit/seal-audit-log';
import { verifyAuditChain } from '@/lib/audit/verify-audit-chain';
import { peakRssMb, reportFigure } from './bench-report';
import { openBenchDatabase } from './open-bench-database';

const TRANSACTIONS = Number(process.env.BENCH_TRANSACTIONS ?? 4000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const WRITERS = 16;

async function main() {
  const bench = await openBenchDatabase('audit', { poolSize: 2 });
  const { db, close } = createDatabase(bench.databaseUrl, { max: WRITERS });
  try {
    await bench.client`
      insert into requests (type, status, channel, jurisdiction, email_hash, received_on)
      select 'access', 'new', 'web', 'eu_gdpr', 'bench-' || g, current_date from generate_series(1, 200) g`;
    await bench.client`create table bench_plain_events (like request_events including defaults including identity including indexes)`;
    const requestIds = (await bench.client<{ id: string }[]>`select id from requests where email_hash like 'bench-%'`).map((row) => row.id);

    const drive = async (write: (requestId: string, index: number) => Promise<void>) => {
      let next = 0;
      const started = performance.now();
      await Promise.all(
        Array.from({ length: WRITERS }, async () => {
          while (next < TRANSACTIONS) {
            const index = next++;
            await write(requestIds[index % requestIds.length]!, index);
          }
        }),
      );
      return TRANSACTIONS / ((performance.now() - started) / 1000);
    };
    const appended: number[] = [];
    const plain: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      plain.push(
        await drive((requestId, index) =>
          db.transaction(async (tx) => {
            await tx.execute(
              sql`insert into bench_plain_events (request_id, actor_type, action, details) values (${requestId}, 'system', 'bench', ${JSON.stringify({ index })}::jsonb)`,
            );
          }),
        ),
      );
      appended.push(
        await drive((requestId, index) =>
          db.transaction(async (tx) => {
            await recordEvent(tx, { requestId, actor: { type: 'system' }, action: 'bench', details: { index } });
          }),
        ),
      );
      console.log(
        `run ${run + 1}: ${appended.at(-1)!.toFixed(0)} event transactions/s (one-INSERT baseline ${plain.at(-1)!.toFixed(0)}/s), ${WRITERS} writers`,
      );
    }
    reportFigure({
      name: `audit event transactions/s, ${WRITERS} writers (was ≈117/s, one global lock)`,
      runs: appended,
      unit: 'tx/s',
      baseline: { name: 'same INSERT, no audit trigger', runs: plain },
      target: 'no global ceiling',
    });

    const sealStarted = performance.now();
    const { treeHead } = await sealAuditLogFully(db, { maxEvents: 50_000 });
    const sealRate = treeHead!.treeSize / ((performance.now() - sealStarted) / 1000);
    const verifyStarted = performance.now();
    const verification = await verifyAuditChain(db, { actor: 'system' });
    const verifyRate = verification.checkedCount / ((performance.now() - verifyStarted) / 1000);
    console.log(
      `sealed ${treeHead!.treeSize.toLocaleString('en')} events at ${sealRate.toFixed(0)}/s; verified at ${verifyRate.toFixed(0)}/s (intact: ${verification.isIntact})`,
    );
    reportFigure({ name: 'sealer: events sealed/s (from cold)', runs: [sealRate], unit: 'events/s' });
    reportFigure({ name: 'verifier: events checked/s', runs: [verifyRate], unit: 'events/s' });
    reportFigure({ name: 'audit bench peak RSS (MB)', runs: [peakRssMb()], unit: 'MB' });
  } finally {
    await close();
    await bench.close();
  }
}

await main();
