/** `npm run worker`: the background worker alone, for production deployments that run it separately. */
import { env } from '@/lib/env';
import { runWorker } from '@/lib/jobs/run-worker';

env();
const worker = await runWorker({ handleSignals: true });
await worker.promise;
