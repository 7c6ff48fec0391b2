import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { WORKER_NODE_FLAGS } from '../../../scripts/worker-node-flags';
import { freePort } from '../../support/free-port';
import { type Child, startChild } from './child-process';

export type AppProcesses = {
  /** The first web server's address (APP_URL, which links in emails name). */
  baseUrl: string;
  web: Child;
  /** Every web server, in start order, with its address. */
  webServers: { baseUrl: string; child: Child }[];
  workers: Child[];
  /** Starts one more worker process (e.g. to take over from a killed one). */
  startWorker(): Promise<Child>;
  stopAll(): Promise<void>;
};

/** The environment every process of one test deployment shares (the same secrets, database, SMTP and storage). */
export function sharedAppEnv({ databaseUrl, smtpUrl, appUrl }: { databaseUrl: string; smtpUrl: string; appUrl: string }) {
  return {
    DATABASE_URL: databaseUrl,
    SMTP_URL: smtpUrl,
    APP_URL: appUrl,
    APP_SECRET: 'fault-tests-secret-that-is-long-enough-0123456789',
    MAIL_FROM: 'dsr-desk faults <privacy@faults.invalid>',
    TIME_ZONE: 'UTC',
    STORAGE_DIR: mkdtempSync(path.join(os.tmpdir(), 'dsr-desk-faults-storage-')),
    RATE_LIMIT_PER_IP_PER_HOUR: '1000000',
    RATE_LIMIT_PER_EMAIL_PER_DAY: '1000',
  };
}

/**
 * Web servers and workers as separate processes, as a deployment runs them, against the test's own
 * database and SMTP sink: one of each unless asked for more.
 */
export async function startAppProcesses({
  databaseUrl,
  smtpUrl,
  env = {},
  webCount = 1,
  workerCount = 1,
  diskPerProcess = false,
}: {
  databaseUrl: string;
  smtpUrl: string;
  env?: Record<string, string>;
  webCount?: number;
  workerCount?: number;
  /** Each process gets its own STORAGE_DIR, as on separate machines: only STORAGE_URL's storage is shared. */
  diskPerProcess?: boolean;
}): Promise<AppProcesses> {
  const ports = await Promise.all(Array.from({ length: webCount }, () => freePort()));
  const baseUrls = ports.map((port) => `http://127.0.0.1:${port}`);
  const common: Record<string, string> = { ...sharedAppEnv({ databaseUrl, smtpUrl, appUrl: baseUrls[0]! }), ...env };
  const processEnv = (extra: Record<string, string> = {}) => ({
    ...common,
    ...(diskPerProcess ? { STORAGE_DIR: mkdtempSync(path.join(os.tmpdir(), 'dsr-desk-faults-disk-')) } : {}),
    ...extra,
  });
  const webServers = ports.map((port, index) => ({
    baseUrl: baseUrls[index]!,
    child: startChild('scripts/web.ts', processEnv({ PORT: String(port) })),
  }));
  const workers: Child[] = [];
  const startWorker = async () => {
    const worker = startChild('scripts/worker.ts', processEnv(), [], WORKER_NODE_FLAGS);
    workers.push(worker);
    await worker.waitForOutput('[worker] ready');
    return worker;
  };
  await Promise.all([
    ...webServers.map(({ child }) => child.waitForOutput('[web] ready')),
    ...Array.from({ length: workerCount }, () => startWorker()),
  ]);
  return {
    baseUrl: baseUrls[0]!,
    web: webServers[0]!.child,
    webServers,
    workers,
    startWorker,
    async stopAll() {
      await Promise.all([...webServers.map(({ child }) => child), ...workers].map((child) => child.kill('SIGTERM')));
    },
  };
}
