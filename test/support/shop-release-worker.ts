import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Runner } from 'graphile-worker';
import { afterAll, beforeAll } from 'vitest';
import type { Database } from '@/db/client';
import type { DataSourceRow } from '@/db/schema';
import { closeTransport } from '@/emails/transport';
import { resetEnvForTests } from '@/lib/env';
import type { StaffActor } from '@/lib/staff/staff-actor';
import { disableSources } from './data-sources';
import { createShopSource, type DemoShop } from './demo-shop';
import { discardQueuedJobs, startJobWorker } from './job-worker';
import { closeSharedDatabase } from './shared-database';
import { type SmtpInbox, startSmtpInbox } from './smtp-inbox';
import { createStaffMember } from './staff';

export type ShopReleaseWorker = { storageDir: string; source: DataSourceRow; inbox: SmtpInbox; agent: StaffActor };

function setEnv(variables: Record<string, string | undefined>): void {
  for (const [name, value] of Object.entries(variables)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  resetEnvForTests();
}

/**
 * For a file that gathers and releases packages end to end: its own storage folder, an SMTP inbox,
 * the demo shop as the one enabled source, an agent, and the job worker running, all for the whole
 * file (the worker runs jobs between tests too), undone after it. Read the fields inside tests only.
 */
export function useShopReleaseWorker(
  db: Database,
  shop: DemoShop,
  { folderPrefix, agentName }: { folderPrefix: string; agentName: string },
): ShopReleaseWorker {
  const saved = { STORAGE_DIR: process.env.STORAGE_DIR, SMTP_URL: process.env.SMTP_URL };
  const context = {} as ShopReleaseWorker;
  let worker: Runner | undefined;
  beforeAll(async () => {
    context.storageDir = mkdtempSync(path.join(os.tmpdir(), folderPrefix));
    context.inbox = await startSmtpInbox();
    setEnv({ STORAGE_DIR: context.storageDir, SMTP_URL: context.inbox.url });
    context.source = await createShopSource(db, { databaseUrl: shop.databaseUrl, isEnabled: true });
    context.agent = await createStaffMember(db, { role: 'agent', name: agentName });
    await discardQueuedJobs(db);
    worker = await startJobWorker();
  });
  afterAll(async () => {
    if (context.source) await disableSources(db, [context.source.id]);
    await worker?.stop();
    closeTransport();
    await context.inbox?.stop();
    await closeSharedDatabase();
    if (context.storageDir) rmSync(context.storageDir, { recursive: true, force: true });
    setEnv(saved);
  });
  return context;
}
