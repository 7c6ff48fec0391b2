import type { TestProject } from 'vitest/node';
import { prepareDatabase } from '../scripts/prepare-database';
import { provisionPostgres } from './support/provision-postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

/** One fresh, migrated and seeded database for the whole unit and integration run. */
export default async function setup(project: TestProject) {
  const database = await provisionPostgres('unit');
  await prepareDatabase(database.databaseUrl);
  project.provide('databaseUrl', database.databaseUrl);
  return () => database.stop();
}
