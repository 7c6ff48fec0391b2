/** `npm run worker`: the background worker alone, for production deployments that run it separately. */
import { existsSync } from 'node:fs';

if (existsSync('.env')) process.loadEnvFile('.env');
// Before React loads (see scripts/start.ts).
(process.env as Record<string, string>).NODE_ENV ||= 'production';

const { env } = await import('@/lib/env');
const { runWorker } = await import('@/lib/jobs/run-worker');
type JobWorker = Awaited<ReturnType<typeof runWorker>>;

env();
const RESTART_DELAYS_MS = [1_000, 2_000, 5_000, 10_000];
const STOP_TIMEOUT_MS = 15_000;
/** A start that has not finished by then (a connection that never answers) is abandoned and tried again. */
const START_TIMEOUT_MS = 30_000;
let worker: JobWorker | null = null;
let isStopping = false;
let isRestarting = false;
let failures = 0;

/**
 * graphile-worker treats a lost database connection while it records a job's outcome
 * as fatal: the promise it rejects is its own, so nothing can catch it, and the process
 * would end (a database restart under load did exactly that). Instead the worker is
 * stopped and started again in this process, with backoff; whatever the old one still
 * held is released by its stop, or, when its stop hangs, it is abandoned and a live
 * worker's heartbeat reaper frees its jobs once its row goes stale.
 */
async function restart(reason: unknown): Promise<void> {
  if (isStopping || isRestarting) return;
  isRestarting = true;
  console.error(`[worker] restarting after a fatal error: ${reason instanceof Error ? reason.message : String(reason)}`);
  const old = worker;
  worker = null;
  const stopped = await Promise.race([
    Promise.resolve(old?.stop()).then(
      () => true,
      () => true,
    ),
    new Promise<false>((resolve) => setTimeout(() => resolve(false), STOP_TIMEOUT_MS)),
  ]);
  // A stop that hangs on a dead connection leaves its heartbeat beating, which would keep its jobs locked.
  if (!stopped) old?.abandon();
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, RESTART_DELAYS_MS[Math.min(failures++, RESTART_DELAYS_MS.length - 1)]));
    if (isStopping) break;
    try {
      worker = await startWithin(START_TIMEOUT_MS);
      console.log('[worker] running again');
      break;
    } catch (error) {
      console.error(`[worker] could not start yet: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  isRestarting = false;
  setTimeout(() => (failures = 0), 60_000).unref();
}

/** Starts a worker whose pools restart this process's worker when they fail; a start that hangs is abandoned (and stopped if it ever finishes). */
async function startWithin(timeoutMs: number): Promise<JobWorker> {
  const starting = runWorker({
    onFailure: (reason) => void restart(new Error(reason)),
  });
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`the worker did not start within ${timeoutMs / 1000} s`)), timeoutMs);
  });
  try {
    return await Promise.race([starting, timedOut]);
  } catch (error) {
    starting.then(
      (late) => late.stop(),
      () => {},
    );
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

process.on('unhandledRejection', (reason) => void restart(reason));
// SIGTERM (a deploy, `npm start` stopping its children): finish or release what this process holds, then exit.
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (isStopping) return;
    isStopping = true;
    console.log(`[worker] ${signal}: finishing running jobs, then releasing the rest`);
    void Promise.resolve(worker?.stop()).finally(() => process.exit(0));
  });
}
worker = await startWithin(START_TIMEOUT_MS);
console.log('[worker] ready');
// Keeps the process alive between a fatal error and the restarted worker.
setInterval(() => {}, 60_000);
