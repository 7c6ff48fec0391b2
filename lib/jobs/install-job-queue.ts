import { runMigrations } from 'graphile-worker';

/** Creates or upgrades graphile-worker's own schema (graphile_worker.*), which enqueueJob needs. */
export async function installJobQueue(databaseUrl: string): Promise<void> {
  await runMigrations({ connectionString: databaseUrl });
}
