import type { Logger } from 'drizzle-orm';
import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { env } from '@/lib/env';
import { withAfterCommitHooks } from './after-commit';
import { withPreparedStatements } from './prepared-statements';
import { redactQueryErrors } from './redact-query-errors';
import * as schema from './schema';

export type Database = PostgresJsDatabase<typeof schema>;
/** A transaction handle; query functions accept either, so use cases can compose them in one transaction. */
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
export type DatabaseOrTransaction = Database | Transaction;

/**
 * A database handle as the app uses it. `logger` sees every statement drizzle sends (the benches capture
 * them for EXPLAIN); `client` is the postgres.js client underneath, for what drizzle does not do (COPY, LISTEN).
 */
export function createDatabase(
  url: string,
  options: { max?: number; logger?: Logger } = {},
): { db: Database; client: postgres.Sql; close: () => Promise<void> } {
  redactQueryErrors();
  // A short connect timeout: with the database gone a request fails in seconds (and the web
  // process answers 503) instead of waiting postgres.js's default 30 s.
  // `debug` stays off: with it postgres.js puts each failed query's parameters (personal data) on its errors.
  const client = postgres(url, { max: options.max ?? 10, connect_timeout: 5, onnotice: () => {}, debug: false });
  const db = withAfterCommitHooks(drizzle(withPreparedStatements(client), { schema, casing: 'snake_case', logger: options.logger }));
  return { db, client, close: () => client.end({ timeout: 5 }) };
}

// One client per process, kept on globalThis so Next's hot reload doesn't open a new pool per edit.
const globalForDatabase = globalThis as unknown as { dsrDeskDatabase?: Database };

export function getDb(): Database {
  globalForDatabase.dsrDeskDatabase ??= createDatabase(env().DATABASE_URL).db;
  return globalForDatabase.dsrDeskDatabase;
}
