import type { TestProject } from 'vitest/node';
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
  project.provide('templateDatabaseUrl', template.databaseUrl);
  return async () => {
    await dropTestDatabaseClones(template.databaseUrl);
    await template.stop();
  };
}

