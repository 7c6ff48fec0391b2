import type { Database, DatabaseOrTransaction, Transaction } from './client';

type Hooks = { database: Database; hooks: (() => void)[] };

const hooksByTransaction = new WeakMap<object, Hooks>();
const autocommitDatabases = new WeakSet<object>();

/**
 * What runs once the caller's writes are committed, for what must not happen before (telling another process
 * to look for them). Wraps `db.transaction` so that hooks registered on a transaction, or on any savepoint in
 * it, run after the outermost transaction commits, and never when it rolls back. createDatabase applies it.
 */
export function withAfterCommitHooks(db: Database): Database {
  autocommitDatabases.add(db);
  const open = db.transaction.bind(db);
  db.transaction = (async (callback, config) => {
    const registered: Hooks = { database: db, hooks: [] };
    const result = await open((tx) => callback(tracked(tx, registered)), config);
    for (const hook of registered.hooks) runHook(hook);
    return result;
  }) as Database['transaction'];
  return db;
}

function tracked(tx: Transaction, registered: Hooks): Transaction {
  hooksByTransaction.set(tx, registered);
  const savepoint = tx.transaction.bind(tx);
  tx.transaction = ((callback: (nested: Transaction) => Promise<unknown>) =>
    savepoint((nested) => callback(tracked(nested, registered)))) as Transaction['transaction'];
  return tx;
}

/**
 * Registers `hook` to run after the writes made on `handle` are committed, and returns the database it belongs
 * to. On a database handle itself (no transaction: each statement commits on its own) the hook runs at once, so
 * call this after the statement. Null for a handle this module does not know (a transaction opened on a drizzle
 * instance that createDatabase did not make): nothing is registered, and the caller must do without.
 */
export function afterCommit(handle: DatabaseOrTransaction, hook: (database: Database) => void): Database | null {
  const registered = hooksByTransaction.get(handle);
  if (registered) {
    registered.hooks.push(() => hook(registered.database));
    return registered.database;
  }
  if (autocommitDatabases.has(handle)) {
    runHook(() => hook(handle as Database));
    return handle as Database;
  }
  return null;
}

/** Whether afterCommit can run hooks for this handle. */
export function tracksCommits(handle: DatabaseOrTransaction): boolean {
  return hooksByTransaction.has(handle) || autocommitDatabases.has(handle);
}

function runHook(hook: () => void): void {
  try {
    hook();
  } catch (error) {
    // The transaction has committed: a failing hook must not turn that into an error for the caller.
    console.error(`[db] an after-commit hook failed: ${String(error)}`);
  }
}
