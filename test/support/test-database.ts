import { afterAll } from 'vitest';
import { createDatabase, type Database } from '@/db/client';
import { env } from '@/lib/env';

/** A database handle for one test file, closed when the file ends. */
export function useTestDatabase(): Database {
  const { db, close } = createDatabase(env().DATABASE_URL, { max: 5 });
  afterAll(() => close());
  return db;
}
