/**
 * Worker email throughput: a backlog of outbox emails drained by the real worker (graphile-worker, the
 * deliver-email task, the pooled transport) into the local mail catcher (MailDev in its own process, as `npm start` runs it),
 * against the same-run baseline of nodemailer sending straight to that catcher over the same pool size.
 * Also the latency of one email over a new connection and over the pool, and from a real submission's commit to
 * its verification email accepted by the catcher. Prints figures; asserts nothing.
 *
 *   BENCH_EMAILS=10000 BENCH_RUNS=3 npm run bench:mail
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Logger, run } from 'graphile-worker';
import nodemailer from 'nodemailer';
import { closeTransport, getTransport } from '@/emails/transport';
import { env, resetEnvForTests } from '@/lib/env';
import { workerPreset } from '@/lib/jobs/run-worker';
import { startSupervisor } from '../scripts/supervisor';
import { freePort } from '../test/support/free-port';
import { median, peakRssMb, reportFigure } from './bench-report';
import { openBenchDatabase } from './open-bench-database';

const EMAILS = Number(process.env.BENCH_EMAILS ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const LATENCY_SAMPLES = 20;

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
  const mailDirectory = mkdtempSync(path.join(os.tmpdir(), 'dsr-desk-bench-mail-'));
  // The catcher in a child process of its own, as `npm start` runs it: in this process it would share one core
  // with the worker it is measuring (in-process, the catcher alone managed 274–674 emails/s on this machine).
  const smtpPort = await freePort();
  const catcher = startSupervisor(
    [{ name: 'mail catcher', script: 'scripts/embedded/mail-catcher-process.ts', readyLine: '[mail] ready' }],
    {
      env: {
        ...process.env,
        DSR_DESK_DATA_DIR: mailDirectory,
        MAIL_CATCHER_SMTP_PORT: String(smtpPort),
        MAIL_CATCHER_WEB_PORT: String(await freePort()),
      },
      log: (line) => console.log(line),
    },
  );
  await catcher.start();
  const smtpUrl = `smtp://127.0.0.1:${smtpPort}`;
  process.env.SMTP_URL = smtpUrl;
  const bench = await openBenchDatabase('mail', { poolSize: 4 });
  resetEnvForTests();
  const { WORKER_CONCURRENCY, SMTP_MAX_CONNECTIONS } = env();
  const message = (index: number) => ({
    from: 'desk@example.test',
    to: `baseline${index}@example.test`,
    subject: 'Confirm your privacy request',
    text: 'x'.repeat(600),
    html: `<p>${'x'.repeat(2000)}</p>`,
  });

  try {
    // Latency of one email: a new connection each time (the old, unpooled transport) and over the pool.
    const single = async (transport: nodemailer.Transporter, count: number) => {
      const times: number[] = [];
      for (let index = 0; index < count; index += 1) {
        const started = performance.now();
        await transport.sendMail(message(index));
        times.push(performance.now() - started);
      }
      return median(times);
    };
    const unpooled = nodemailer.createTransport(smtpUrl);
    // The app's own transport (pooled, Nagle off), as the worker uses it.
    const pooled = getTransport(smtpUrl, { maxConnections: SMTP_MAX_CONNECTIONS });
    await single(pooled, 5);
    const unpooledMs = await single(unpooled, 20);
    const pooledMs = await single(pooled, 20);
    console.log(`one email: ${unpooledMs.toFixed(1)} ms on a new connection, ${pooledMs.toFixed(1)} ms over the pool (median of 20)`);
    reportFigure({
      name: 'one email accepted by SMTP, pooled (ms)',
      runs: [pooledMs],
      unit: 'ms',
      baseline: { name: 'new connection each', runs: [unpooledMs] },
      target: '≤ 50 ms',
    });

    const baselineRates: number[] = [];
    const workerRates: number[] = [];
    for (let runIndex = 0; runIndex < RUNS; runIndex += 1) {
      // Baseline: the catcher's own ceiling for this pool size, no database, no rendering.
      const started = performance.now();
      let next = 0;
      const baselineCount = Math.min(EMAILS, 3000);
      await Promise.all(
        Array.from({ length: SMTP_MAX_CONNECTIONS * 2 }, async () => {
          while (next < baselineCount) await pooled.sendMail(message(next++));
        }),
      );
      baselineRates.push(baselineCount / ((performance.now() - started) / 1000));

      // The backlog, as the outbox holds it after N intakes committed.
      await bench.client`
        insert into outbound_emails (template, recipient, payload, message_id)
        select 'verification', 'bench' || g || '@example.test', ${JSON.stringify(payload)}::jsonb, '<bench-' || ${String(runIndex)}::text || '-' || g || '@dsr-desk>'
        from generate_series(1, ${EMAILS}) g`;
      await bench.client`select graphile_worker.add_job('deliver-email', json_build_object('outboundEmailId', id), job_key => 'email:' || id)
        from outbound_emails where status = 'pending'`;
      const { taskList } = await import('@/lib/jobs/task-list');
      const drainStarted = performance.now();
      const runner = await run({
        connectionString: bench.databaseUrl,
        concurrency: WORKER_CONCURRENCY,
        preset: workerPreset(WORKER_CONCURRENCY),
        noHandleSignals: true,
        pollInterval: 1000,
        taskList,
        logger: new Logger(() => () => {}),
      });
      for (;;) {
        const [{ pending }] = await bench.client<
          { pending: number }[]
        >`select count(*)::int as pending from outbound_emails where status <> 'sent'`;
        if (pending === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const seconds = (performance.now() - drainStarted) / 1000;
      await runner.stop();
      workerRates.push(EMAILS / seconds);
      console.log(
        `run ${runIndex + 1}: ${EMAILS.toLocaleString('en')} emails drained in ${seconds.toFixed(1)} s = ${(EMAILS / seconds).toFixed(0)}/s (catcher baseline ${baselineRates.at(-1)!.toFixed(0)}/s); concurrency ${WORKER_CONCURRENCY}, ${SMTP_MAX_CONNECTIONS} SMTP connections`,
      );
    }
    reportFigure({
      name: `worker email throughput, ${EMAILS.toLocaleString('en')} queued (emails/s)`,
      runs: workerRates,
      unit: 'emails/s',
      baseline: { name: 'the transport alone → catcher', runs: baselineRates },
      target: '≥ 300/s',
    });
    // From the intake's commit to the SMTP server's "accepted": a real submission (its job queued quietly, the workers
    // woken after the commit, lib/jobs/wake-workers.ts) to an idle worker polling as the app's does.
    const latencies: number[] = [];
    const { submitRequest } = await import('@/lib/requests/submit-request');
    const { getDb } = await import('@/lib/database');
    const { taskList } = await import('@/lib/jobs/task-list');
    const idleWorker = await run({
      connectionString: bench.databaseUrl,
      concurrency: WORKER_CONCURRENCY,
      preset: workerPreset(WORKER_CONCURRENCY),
      noHandleSignals: true,
      pollInterval: 2000,
      taskList,
      logger: new Logger(() => () => {}),
    });
    try {
      for (let index = 0; index < LATENCY_SAMPLES; index += 1) {
        await new Promise((resolve) => setTimeout(resolve, 100)); // one at a time, into an idle worker
        const email = `latency-${index}-${Date.now()}@example.test`;
        const submittedAt = Date.now();
        const outcome = await submitRequest(getDb(), {
          input: { type: 'access', email, fullName: 'Bench Latency', jurisdiction: 'eu_gdpr', isAuthorised: true },
          channel: 'web',
          ip: `198.51.100.${(index % 250) + 1}`,
        });
        if (outcome !== 'created') throw new Error(`the latency submission was ${outcome}, not created`);
        for (const deadline = Date.now() + 30_000; ; ) {
          // By the request: a sent email's row no longer holds its recipient.
          const [row] = await bench.client<{ sent_at: string | null; status: string }[]>`
            select email.sent_at, email.status from outbound_emails email join requests request on request.id = email.request_id
            where request.email = ${email}`;
          if (Date.now() > deadline) throw new Error(`no email sent to ${email} within 30 s (outbox: ${JSON.stringify(row ?? null)})`);
          if (row?.sent_at) {
            latencies.push(new Date(row.sent_at).getTime() - submittedAt);
            break;
          }
          await new Promise((resolve) => setTimeout(resolve, 2));
        }
      }
    } finally {
      await idleWorker.stop();
    }
    console.log(
      `submission → email accepted by SMTP: median ${median(latencies).toFixed(0)} ms, max ${Math.max(...latencies).toFixed(0)} ms (${LATENCY_SAMPLES} submissions one at a time)`,
    );
    reportFigure({
      name: 'submission → verification email accepted by SMTP, p50 (ms)',
      runs: [median(latencies)],
      unit: 'ms',
      target: '≤ 50 ms',
    });
    reportFigure({ name: 'mail bench peak RSS (MB)', runs: [peakRssMb()], unit: 'MB' });
    unpooled.close();
  } finally {
    closeTransport();
    const { closeSharedDatabase } = await import('../test/support/shared-database');
    await closeSharedDatabase();
    await bench.close();
    await catcher.stop();
    rmSync(mailDirectory, { recursive: true, force: true });
  }
}

await main();
