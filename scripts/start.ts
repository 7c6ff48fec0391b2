/**
 * `npm start`: the whole app from one command. With DATABASE_URL unset it runs an
 * embedded PostgreSQL; with SMTP_URL unset, a local mail catcher with a web inbox.
 * Then it migrates and seeds, builds the web app if needed, and supervises the mail
 * catcher, the background worker and the web server as child processes: one that
 * exits is restarted with backoff (scripts/supervisor.ts), and /api/health/ready shows
 * their state. `--dev` serves with `next dev`.
 */
import { createHmac } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';

// Variables from .env (git-ignored) fill in what the environment leaves unset.
if (existsSync('.env')) process.loadEnvFile('.env');
const isDev = process.argv.includes('--dev');
// Before React loads: it picks its development or production build from NODE_ENV
// once, and the emails the worker renders must use the same build as react-dom.
(process.env as Record<string, string>).NODE_ENV ||= isDev ? 'development' : 'production';

const { env } = await import('@/lib/env');
const { startEmbeddedPostgres, ensureDatabase } = await import('./embedded/embedded-postgres');
const { ensureAppRole } = await import('./embedded/ensure-app-role');
const { buildIfNeeded } = await import('./build-if-needed');
const { dataDir, defaultAppUrl, ensureLocalSecret } = await import('./local-defaults');
const { prepareDatabase } = await import('./prepare-database');
const { prepareDataSources, provideEmbeddedDemoCrm, provideEmbeddedDemoShop } = await import('./prepare-data-sources');
const { startSupervisor } = await import('./supervisor');
const { WORKER_NODE_FLAGS } = await import('./worker-node-flags');
const { DEMO_ADMIN_EMAIL } = await import('@/db/seed/seed-demo-admin');

const log = (line: string) => console.log(`[dsr-desk] ${line}`);
const stops: (() => Promise<unknown>)[] = [];

async function main(): Promise<void> {
  const port = Number(process.env.PORT || 3000);
  process.env.APP_URL ||= defaultAppUrl();
  process.env.APP_SECRET ||= ensureLocalSecret();
  // next-auth builds its callback URLs from this.
  process.env.NEXTAUTH_URL ||= process.env.APP_URL;
  process.env.STORAGE_DIR ||= path.join(dataDir, 'storage');

  const isEmbeddedDatabase = !process.env.DATABASE_URL;
  if (isEmbeddedDatabase) {
    const postgresPort = Number(process.env.EMBEDDED_POSTGRES_PORT || 54329);
    log(`DATABASE_URL is not set: starting embedded PostgreSQL on 127.0.0.1:${postgresPort} (data in ${path.join(dataDir, 'postgres')})`);
    const cluster = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'postgres'), port: postgresPort, persistent: true });
    stops.push(() => cluster.stop());
    await ensureDatabase(cluster.urlFor('postgres'), 'dsr_desk');
    // Migrate as the superuser, then run the web server and worker as a role that may only
    // add to and read the audit log (db/roles.sql). Before env() is first read: it is parsed once.
    const ownerUrl = cluster.urlFor('dsr_desk');
    log('applying migrations and seed data…');
    await prepareDatabase(ownerUrl, { withDemoData: true });
    const password = createHmac('sha256', process.env.APP_SECRET).update('embedded-postgres:dsr_desk_app').digest('hex');
    process.env.DATABASE_URL = await ensureAppRole(ownerUrl, { role: 'dsr_desk_app', password });
    await provideEmbeddedDemoShop(cluster);
    await provideEmbeddedDemoCrm(log);
  }

  let inboxUrl: string | null = null;
  const isMailCatcher = !process.env.SMTP_URL;
  if (isMailCatcher) {
    process.env.MAIL_CATCHER_SMTP_PORT ||= '1025';
    process.env.MAIL_CATCHER_WEB_PORT ||= '1080';
    const smtpPort = Number(process.env.MAIL_CATCHER_SMTP_PORT);
    const webPort = Number(process.env.MAIL_CATCHER_WEB_PORT);
    process.env.SMTP_URL = `smtp://127.0.0.1:${smtpPort}`;
    inboxUrl = `http://127.0.0.1:${webPort}/`;
  }

  const settings = env();
  if (!isEmbeddedDatabase) {
    log('applying migrations and seed data…');
    await prepareDatabase(settings.DATABASE_URL);
  }
  await prepareDataSources({
    databaseUrl: settings.DATABASE_URL,
    demoShopDatabaseUrl: settings.DEMO_SHOP_DATABASE_URL,
    demoCrmDatabaseUrl: settings.DEMO_CRM_DATABASE_URL,
    dataSourcesFile: settings.DATA_SOURCES_FILE,
    hasLegacyPrivateTargetsVariable: settings.ALLOW_PRIVATE_WEBHOOK_URLS,
    variables: process.env,
    log,
  });

  if (!isDev) buildIfNeeded(log);

  process.env.PORT = String(port);
  const supervisor = startSupervisor(
    [
      ...(isMailCatcher ? [{ name: 'mail catcher', script: 'scripts/embedded/mail-catcher-process.ts', readyLine: '[mail] ready' }] : []),
      { name: 'worker', script: 'scripts/worker.ts', nodeFlags: WORKER_NODE_FLAGS, readyLine: '[worker] ready' },
      { name: 'web', script: 'scripts/web.ts', args: isDev ? ['--dev'] : [], readyLine: '[web] ready', receivesState: true },
    ],
    { env: process.env, log },
  );
  stops.unshift(() => supervisor.stop());
  await supervisor.start();

  log(`ready: ${settings.APP_URL}`);
  if (inboxUrl) log(`mail inbox (every email the app sends lands here): ${inboxUrl}`);
  if (isEmbeddedDatabase)
    log(`staff sign-in: ${settings.APP_URL}/staff/sign-in as ${DEMO_ADMIN_EMAIL} (the link arrives in the mail inbox)`);
}

let isStopping = false;
async function stop(code: number): Promise<void> {
  if (isStopping) return;
  isStopping = true;
  for (const stopOne of stops) await stopOne().catch((error) => console.error(error));
  process.exit(code);
}

process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
main().catch(async (error) => {
  console.error(error);
  await stop(1);
});
