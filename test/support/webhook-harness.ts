import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeEach } from 'vitest';
import type { Database } from '@/db/client';
import { type DataSourceRow, fulfilmentRuns, fulfilmentSourceResults } from '@/db/schema';
import { webhookDeliveryOptions } from '@/lib/data-sources/webhook/post-webhook-job';
import { useEnvOverrides } from './env-overrides';
import { discardQueuedJobs } from './job-worker';
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver';
import { disableSources } from './data-sources';

export type WebhookHarness = {
  /** This test's receiving system (a real HTTP server). */
  readonly receiver: WebhookReceiver;
  /** This test's STORAGE_DIR, removed after it. */
  readonly storageDir: string;
  /** Sources to disable when the file ends. */
  track: (source: DataSourceRow) => void;
};

/**
 * Per test: a fresh receiver, a temporary storage folder, retry delays of
 * milliseconds (restored after). Per file: the sources it made disabled and the
 * jobs its runs queued discarded, so nothing leaks into other files.
 */
export function useWebhookHarness(db: Database): WebhookHarness {
  const setEnv = useEnvOverrides();
  const realDeliveryOptions = { ...webhookDeliveryOptions };
  const sources: DataSourceRow[] = [];
  let receiver: WebhookReceiver | undefined;
  let storageDir: string | undefined;

  beforeEach(async () => {
    Object.assign(webhookDeliveryOptions, { baseDelayMs: 10, maxDelayMs: 40, maxRetryAfterMs: 1500 });
    storageDir = mkdtempSync(path.join(os.tmpdir(), 'dsr-desk-webhook-'));
    setEnv({ STORAGE_DIR: storageDir });
    receiver = await startWebhookReceiver();
  });
  afterEach(async () => {
    Object.assign(webhookDeliveryOptions, realDeliveryOptions);
    await receiver?.close();
    if (storageDir) rmSync(storageDir, { recursive: true, force: true });
  });
  afterAll(async () => {
    await disableSources(
      db,
      sources.map((source) => source.id),
    );
    // Runs here finish inside the tests; the build-package jobs they queue are not this file's to run.
    await discardQueuedJobs(db);
  });

  return {
    get receiver() {
      if (!receiver) throw new Error('the receiver starts before each test');
      return receiver;
    },
    get storageDir() {
      if (!storageDir) throw new Error('the storage folder is made before each test');
      return storageDir;
    },
    track: (source) => {
      sources.push(source);
    },
  };
}

export async function getSourceResult(db: Database, { id }: { id: string }) {
  const [row] = await db.select().from(fulfilmentSourceResults).where(eq(fulfilmentSourceResults.id, id));
  if (!row) throw new Error(`no source result ${id}`);
  return row;
}

export async function getRun(db: Database, { id }: { id: string }) {
  const [row] = await db.select().from(fulfilmentRuns).where(eq(fulfilmentRuns.id, id));
  if (!row) throw new Error(`no run ${id}`);
  return row;
}
