import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../support/free-port';
import { type Child, startChild } from './child-process';

export type AppProcesses = {
  baseUrl: string;
  web: Child;
  workers: Child[];
  /** Starts one more worker process (e.g. to take over from a killed one). */
  startWorker(): Promise<Child>;
  stopAll(): Promise<void>;
};

/** Web and worker as separate processes, as a deployment runs them, against the test's own database and SMTP sink. */
export async function startAppProcesses({
  databaseUrl,
  smtpUrl,
  env = {},
}: {
  databaseUrl: string;
  smtpUrl: string;
  env?: Record<string, string>;
}): Promise<AppProcesses> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const common: Record<string, string> = {
    DATABASE_URL: databaseUrl,
    SMTP_URL: smtpUrl,
    APP_URL: baseUrl,
    APP_SECRET: 'fault-tests-secret-that-is-long-enough-0123456789',
    MAIL_FROM: 'dsr-desk faults <privacy@faults.invalid>',
    TIME_ZONE: 'UTC',
    STORAGE_DIR: mkdtempSync(path.join(os.tmpdir(), 'dsr-desk-faults-storage-')),
    RATE_LIMIT_PER_IP_PER_HOUR: '1000000',
    RATE_LIMIT_PER_EMAIL_PER_DAY: '1000',
    ...env,
  };
  const web = startChild('scripts/web.ts', { ...common, PORT: String(port) });
  const workers: Child[] = [];
  const startWorker = async () => {
    const worker = startChild('scripts/worker.ts', common);
    workers.push(worker);
    await worker.waitForOutput('[worker] ready');
    return worker;
  };
  await Promise.all([web.waitForOutput('[web] ready'), startWorker()]);
  return {
    baseUrl,
    web,
    workers,
    startWorker,
    async stopAll() {
      await Promise.all([web, ...workers].map((child) => child.kill('SIGTERM')));
    },
  };
}
