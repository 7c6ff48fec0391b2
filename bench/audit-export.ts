/**
 * The request-log CSV export (the real use case: snapshot, manifest, hashing, the web stream) against a bare
 * `COPY (same query) TO STDOUT` of the same rows on the same server, same run; and this process's peak RSS.
 * Asserts nothing.
 *
 *   BENCH_ROWS=1000000 BENCH_RUNS=3 npm run bench:export
 */
import { performance } from 'node:perf_hooks';
import { exportAuditLog } from '@/lib/audit/export-audit-log';
import { requestLogQuery } from '@/lib/audit/export-request-log-query';
import type { StaffActor } from '@/lib/staff/staff-actor';
import { peakRssMb, reportFigure } from './bench-report';
import { openBenchDatabase } from './open-bench-database';
import { seedRequests } from './seed-requests';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

async function main() {
  const { client, db, close } = await openBenchDatabase('export', { poolSize: 3 });
  try {
    await seedRequests(client, { rows: ROWS });
    await client`vacuum analyze requests`;
    const [auditor] = await client<
      { id: string }[]
    >`insert into staff_members (email, name, role) values ('bench-auditor@example.test', 'Bench auditor', 'auditor') returning id`;
    const actor: StaffActor = { staffId: auditor!.id, email: 'bench-auditor@example.test', name: 'Bench auditor', role: 'auditor' };
    const query = { log: 'requests', format: 'csv' } as const;

    const exported: number[] = [];
    const copied: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      let started = performance.now();
      let bytes = 0;
      const stream = await client
        .unsafe(`copy (${requestLogQuery({ ...query }, 'UTC', { forSpreadsheet: true })}) to stdout with (format csv, header true)`)
        .readable();
      for await (const chunk of stream) bytes += (chunk as Buffer).length;
      copied.push(ROWS / ((performance.now() - started) / 1000));

      started = performance.now();
      const download = await exportAuditLog(db, { actor, query: { ...query } });
      let exportedBytes = 0;
      for await (const chunk of download.body) exportedBytes += chunk.length;
      exported.push(download.rowCount / ((performance.now() - started) / 1000));
      console.log(
        `run ${run + 1}: export ${exported.at(-1)!.toFixed(0)} rows/s (${(exportedBytes / 1e6).toFixed(1)} MB), bare COPY ${copied.at(-1)!.toFixed(0)} rows/s (${(bytes / 1e6).toFixed(1)} MB); peak RSS so far ${peakRssMb()} MB`,
      );
    }
    reportFigure({
      name: `request-log CSV export, ${ROWS.toLocaleString('en')} rows (rows/s)`,
      runs: exported,
      unit: 'rows/s',
      baseline: { name: 'bare COPY … TO STDOUT', runs: copied },
      target: '≥ 80 % of COPY',
    });
    reportFigure({ name: 'export bench peak RSS (MB, the whole process)', runs: [peakRssMb()], unit: 'MB', target: '≤ 200 MB' });
  } finally {
    await close();
  }
}

await main();
