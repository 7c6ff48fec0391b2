/**
 * Throughput of one worker process and of two, on one database (as two machines would run them):
 * - a backlog of outbox emails drained into the local mail catcher (MailDev);
 * - access requests whose data a PostgreSQL source holds, gathered and packaged (run-source jobs,
 *   then build-package), ZIPs into one storage folder.
 * Each phase gets fresh rows; worker processes are `scripts/worker.ts`, exactly as deployed, started
 * after the backlog is queued, timed from their "ready" line to the last row done. Prints figures;
 * asserts nothing. The machine's cores bound the ratio: on two cores two workers also compete with
 * PostgreSQL and the catcher.
 *
 *   BENCH_WORKER_EMAILS=4000 BENCH_WORKER_PACKAGES=60 BENCH_RUNS=1 npm run bench:workers
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { settings } from '@/db/schema';
import { toCalendarDate } from '@/lib/deadlines/calendar-date';
import { fileOnBehalf } from '@/lib/requests/file-on-behalf';
import { NETWORK_SETTINGS_KEY } from '@/lib/settings/get-network-settings';
import { startMailCatcher } from '../scripts/embedded/mail-catcher';
import { createDemoShop, createShopSource, insertShopCustomer, uniqueShopEmail } from '../test/support/demo-shop';
import { WORKER_NODE_FLAGS } from '../scripts/worker-node-flags';
import { type Child, startChild } from '../test/faults/support/child-process';
import { freePort } from '../test/support/free-port';
import { createStaffMember } from '../test/support/staff';
import { median, reportFigure } from './bench-report';
import { openBenchDatabase } from './open-bench-database';

const EMAILS = Number(process.env.BENCH_WORKER_EMAILS ?? 4000);
const PACKAGES = Number(process.env.BENCH_WORKER_PACKAGES ?? 60);
const RUNS = Number(process.env.BENCH_RUNS ?? 1);

const payload = {
  version: 1,
  template: 'verification',
  props: {
    organisationName: 'Example Ltd',
    requestTypeLabel: 'Access — a copy of my personal data',
    verifyUrl: 'https://privacy.example.com/verify/TOKEN',
    expiresInHours: 24,
  },
};

async function main() {
  const mailDirectory = mkdtempSync(path.join(os.tmpdir(), 'dsr-desk-bench-workers-mail-'));
  const storageDir = mkdtempSync(path.join(os.tmpdir(), 'dsr-desk-bench-workers-storage-'));
  const catcher = await startMailCatcher({ smtpPort: await freePort(), webPort: await freePort(), mailDirectory });
  process.env.SMTP_URL = catcher.smtpUrl;
  process.env.MAIL_FROM = 'bench <desk@example.test>';
  process.env.APP_URL = 'http://127.0.0.1:9';
  const bench = await openBenchDatabase('workers', { poolSize: 4 });
  const shop = await createDemoShop('bench_workers');
  const workerEnv = {
    DATABASE_URL: bench.databaseUrl,
    APP_SECRET: process.env.APP_SECRET!,
    SMTP_URL: catcher.smtpUrl,
    APP_URL: 'http://127.0.0.1:9',
    MAIL_FROM: 'bench <desk@example.test>',
    TIME_ZONE: 'UTC',
    STORAGE_DIR: storageDir,
  };
  const running: Child[] = [];

  /** Starts `count` worker processes, waits for the remaining rows to be done, returns the seconds it took. */
  const drainWith = async (count: number, remaining: () => Promise<number>): Promise<number> => {
    const workers = Array.from({ length: count }, () => startChild('scripts/worker.ts', workerEnv, [], WORKER_NODE_FLAGS));
    running.push(...workers);
    await Promise.all(workers.map((worker) => worker.waitForOutput('[worker] ready')));
    const started = performance.now();
    while ((await remaining()) > 0) await new Promise((resolve) => setTimeout(resolve, 100));
    const seconds = (performance.now() - started) / 1000;
    await Promise.all(workers.map((worker) => worker.kill('SIGTERM')));
    return seconds;
  };

  try {
    await bench.db.insert(settings).values({ key: NETWORK_SETTINGS_KEY, value: { allowPrivateTargets: true } });
    await createShopSource(bench.db, { databaseUrl: shop.databaseUrl, isEnabled: true });
    const admin = await createStaffMember(bench.db, { role: 'admin' });
    const rates: Record<'emails' | 'packages', Record<1 | 2, number[]>> = { emails: { 1: [], 2: [] }, packages: { 1: [], 2: [] } };

    for (let runIndex = 0; runIndex < RUNS; runIndex += 1) {
      for (const count of [1, 2] as const) {
        await bench.client`
          insert into outbound_emails (template, recipient, payload, message_id)
          select 'verification', 'bench' || g || '@example.test', ${JSON.stringify(payload)}::jsonb,
            '<bench-' || ${`${runIndex}-${count}`}::text || '-' || g || '@dsr-desk>'
          from generate_series(1, ${EMAILS}) g`;
        await bench.client`select graphile_worker.add_job('deliver-email', json_build_object('outboundEmailId', id), job_key => 'email:' || id)
          from outbound_emails where status = 'pending'`;
        const emailSeconds = await drainWith(count, async () => {
          const [row] = await bench.client<{ count: number }[]>`select count(*)::int as count from outbound_emails where status <> 'sent'`;
          return row!.count;
        });
        rates.emails[count].push(EMAILS / emailSeconds);
        console.log(
          `run ${runIndex + 1}, ${count} worker(s): ${EMAILS} emails in ${emailSeconds.toFixed(1)} s = ${(EMAILS / emailSeconds).toFixed(0)}/s`,
        );

        // Access requests filed on the subjects' behalf: each starts gathering by itself (and queues its acknowledgement).
        const today = toCalendarDate(new Date(), 'UTC');
        for (let index = 0; index < PACKAGES; index += 1) {
          const email = uniqueShopEmail('bench-worker');
          await insertShopCustomer(shop.sql, { email, fullName: `Bench Subject ${index}`, addresses: 2, orders: 40, tickets: 3 });
          await fileOnBehalf(bench.db, {
            actor: admin,
            input: {
              type: 'access',
              email,
              fullName: `Bench Subject ${index}`,
              jurisdiction: 'eu_gdpr',
              intakeChannel: 'other',
              identityCheck: 'Signed in to the customer portal',
              receivedOn: today,
            },
          });
        }
        const packageSeconds = await drainWith(count, async () => {
          const [row] = await bench.client<{ count: number }[]>`
            select (select count(*)::int from fulfilment_runs where status = 'running')
              + (select count(*)::int from outbound_emails where status <> 'sent') as count`;
          return row!.count;
        });
        const [failed] = await bench.client<
          { count: number }[]
        >`select count(*)::int as count from fulfilment_runs where status <> 'succeeded'`;
        if (failed!.count > 0) throw new Error(`${failed!.count} gather run(s) did not succeed`);
        rates.packages[count].push(PACKAGES / packageSeconds);
        console.log(
          `run ${runIndex + 1}, ${count} worker(s): ${PACKAGES} requests gathered and packaged (and acknowledged) in ${packageSeconds.toFixed(1)} s = ${(PACKAGES / packageSeconds).toFixed(2)}/s`,
        );
      }
    }
    reportFigure({
      name: `two worker processes, ${EMAILS.toLocaleString('en')} queued emails (emails/s)`,
      runs: rates.emails[2],
      unit: 'emails/s',
      baseline: { name: 'one worker process', runs: rates.emails[1] },
    });
    reportFigure({
      name: `two worker processes, ${PACKAGES} access requests gathered and packaged (requests/s)`,
      runs: rates.packages[2],
      unit: 'requests/s',
      baseline: { name: 'one worker process', runs: rates.packages[1] },
    });
    console.log(
      `emails/s median: one worker ${median(rates.emails[1]).toFixed(0)}, two ${median(rates.emails[2]).toFixed(0)}; packages/s: one ${median(rates.packages[1]).toFixed(2)}, two ${median(rates.packages[2]).toFixed(2)}`,
    );
  } finally {
    await Promise.all(running.map((worker) => worker.kill('SIGTERM')));
    const { closeSharedDatabase } = await import('../test/support/shared-database');
    await closeSharedDatabase();
    await shop.stop();
    await bench.close();
    await catcher.stop();
    rmSync(mailDirectory, { recursive: true, force: true });
    rmSync(storageDir, { recursive: true, force: true });
  }
}

await main();
