import type { TestProject } from 'vitest/node';
import { createDatabase } from '../db/client';
import { settings } from '../db/schema';
import { NETWORK_SETTINGS_KEY } from '../lib/settings/get-network-settings';
import { prepareDatabase } from '../scripts/prepare-database';
import { dropTestDatabaseClones } from './support/database-clones';
import { provisionPostgres } from './support/provision-postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    templateDatabaseUrl: string;
  }
}

/**
 * One migrated and seeded template database for the run; each test file works on
 * its own copy of it (test/setup-env.ts), so files run in parallel without seeing
 * each other's rows.
 */
export default async function setup(project: TestProject) {
  const template = await provisionPostgres('template');
  await prepareDatabase(template.databaseUrl);
  await allowPrivateTargets(template.databaseUrl);
  project.provide('templateDatabaseUrl', template.databaseUrl);
  return async () => {
    await dropTestDatabaseClones(template.databaseUrl);
    await template.stop();
  };
}

/**
 * The tests' webhook receivers, demo shops and SMTP servers all run on this machine,
 * so their sources point at 127.0.0.1: the template allows private targets (an
 * admin setting, off on a real install). Tests of the default turn it off in their own copy.
 */
async function allowPrivateTargets(databaseUrl: string): Promise<void> {
  const { db, close } = createDatabase(databaseUrl, { max: 1 });
  try {
    await db.insert(settings).values({ key: NETWORK_SETTINGS_KEY, value: { allowPrivateTargets: true } });
  } finally {
    // CREATE DATABASE … TEMPLATE needs the template free of connections.
    await close();
  }
}
