import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureDatabase, startEmbeddedPostgres } from '../../../scripts/embedded/embedded-postgres';
import { freePort } from '../../support/free-port';

export type FaultCluster = {
  databaseUrl: string;
  /** Fast shutdown (every connection is cut, as in a real restart), then start again on the same data. */
  restart(options?: { downForMs?: number }): Promise<void>;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops the cluster for good and deletes its data. */
  remove(): Promise<void>;
};

/** A test's own PostgreSQL, which it may restart and stop under load without touching any shared server. */
export async function startFaultCluster(label: string): Promise<FaultCluster> {
  const folder = mkdtempSync(path.join(os.tmpdir(), `dsr-desk-faults-${label}-`));
  const cluster = await startEmbeddedPostgres({ dataDir: path.join(folder, 'data'), port: await freePort(), persistent: true });
  await ensureDatabase(cluster.urlFor('postgres'), 'dsr_desk_faults');
  return {
    databaseUrl: cluster.urlFor('dsr_desk_faults'),
    async restart({ downForMs = 0 } = {}) {
      await cluster.stop();
      if (downForMs > 0) await new Promise((resolve) => setTimeout(resolve, downForMs));
      await cluster.start();
    },
    stop: () => cluster.stop(),
    start: () => cluster.start(),
    async remove() {
      await cluster.stop();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
