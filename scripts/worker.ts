/** `npm run worker`: the background worker alone, for production deployments that run it separately. */
import { existsSync } from 'node:fs';

if (existsSync('.env')) process.loadEnvFile('.env');
// Before React loads (see scripts/start.ts).
(process.env as Record<string, string>).NODE_ENV ||= 'production';

const { env } = await import('@/lib/env');
const { runWorker } = await import('@/lib/jobs/run-worker');

env();
const worker = await runWorker();
console.log('[worker] ready');
// SIGTERM (a deploy, `npm start` stopping its children): finish or release what this process holds, then exit.
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    console.log(`[worker] ${signal}: finishing running jobs, then releasing the rest`);
    void worker.stop().then(() => process.exit(0));
  });
}
await worker.promise;
