import type { Database, Transaction } from './client';

/**
 * Reads that must agree with each other, a page built from several queries, in one read-only transaction at
 * REPEATABLE READ: every query sees the database as of the first one, so a commit landing between two of them
 * (a run settling, a status changing) shows in all of them or in none. The queries share one connection.
 */
export function readOneSnapshot<T>(db: Database, read: (tx: Transaction) => Promise<T>): Promise<T> {
  return db.transaction(read, { isolationLevel: 'repeatable read', accessMode: 'read only' });
}
