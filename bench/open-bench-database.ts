import type postgres from 'postgres';
import { createDatabase, type Database } from '@/db/client';
import { resetEnvForTests } from '@/lib/env';
import { prepareDatabase } from '../scripts/prepare-database';
import { provisionPostgres } from '../test/support/provision-postgres';

export type CapturedQuery = { sql: string; params: unknown[] };

export type BenchDatabase = {
  databaseUrl: string;
  client: postgres.Sql;
  db: Database;
  /** Every query the drizzle handle sent, for EXPLAIN; benches clear it between scenarios. */
  captured: CapturedQuery[];
  close: () => Promise<void>;
};

/**
 * What every bench starts with: the environment a one-off process needs, a fresh
 * database (on DATABASE_URL's server, or a throwaway embedded PostgreSQL) migrated
 * and seeded like a first install, and a client whose queries are captured.
 * `close` ends the client and drops the database.
 */
export async function openBenchDatabase(label: string, { poolSize = 2 }: { poolSize?: number } = {}): Promise<BenchDatabase> {
  process.env.APP_SECRET ??= 'bench-secret-that-is-long-enough-for-hmac-0123456789';
  process.env.SMTP_URL ??= 'smtp://127.0.0.1:9';
  process.env.TIME_ZONE ??= 'UTC';
  const database = await provisionPostgres(label);
  process.env.DATABASE_URL = database.databaseUrl;
  resetEnvForTests();
  const captured: CapturedQuery[] = [];
  // The app's own handle (db/client.ts), prepared statements and all: a bench measures what the app runs.
  const handle = createDatabase(database.databaseUrl, {
    max: poolSize,
    logger: { logQuery: (sql, params) => void captured.push({ sql, params }) },
  });
  const { client, db } = handle;
  const close = async () => {
    await handle.close();
    await database.stop();
  };
  try {
    await prepareDatabase(database.databaseUrl);
  } catch (error) {
    await close();
    throw error;
  }
  return { databaseUrl: database.databaseUrl, client, db, captured, close };
}
