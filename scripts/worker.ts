/** `npm run worker`: the background worker alone, for production deployments that run it separately. */
import { existsSync } from 'node:fs';

if (existsSync('.env')) process.loadEnvFile('.env');
// Before React loads (see scripts/start.ts).
(process.env as Record<string, string>).NODE_ENV ||= 'production';

const { env } = await import('@/lib/env');
const { runWorker } = await import('@/lib/jobs/run-worker');

env();
const worker = await runWorker({ handleSignals: true });
await worker.promise;
