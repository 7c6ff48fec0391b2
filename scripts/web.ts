/** The web server alone: `npm start` runs it as a supervised child; deployments may run it directly. */
import { existsSync } from 'node:fs';

if (existsSync('.env')) process.loadEnvFile('.env');
const isDev = process.argv.includes('--dev');
// Before React loads (see scripts/start.ts).
(process.env as Record<string, string>).NODE_ENV ||= isDev ? 'development' : 'production';

const { env } = await import('@/lib/env');
const { startWebServer } = await import('./web-server');

const settings = env();
const server = await startWebServer({
  dev: isDev,
  port: Number(process.env.PORT || 3000),
  hostname: process.env.HOSTNAME_BIND || '127.0.0.1',
  trustProxy: settings.TRUST_PROXY,
  databaseUrl: settings.DATABASE_URL,
  maxConcurrent: settings.WEB_MAX_CONCURRENT,
  maxQueued: settings.WEB_MAX_QUEUED,
});
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    // Requests in progress finish (for up to 10 s); idle keep-alive connections close now.
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 10_000).unref();
  });
}
console.log(`[web] ready: ${settings.APP_URL}`);
