import { eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createDatabase, type Database } from '@/db/client';
import { env } from '@/lib/env';
import { settings } from './schema';

const handles: { close: () => Promise<void> }[] = [];
afterAll(() => Promise.all(handles.map((handle) => handle.close())));

function open(url: string): Database {
  const handle = createDatabase(url, { max: 1 });
  handles.push(handle);
  return handle.db;
}

/** What this connection's session has prepared, read on the same connection (inside one transaction). */
async function preparedOnTheConnection(
  db: Database,
  work: (tx: Parameters<Parameters<Database['transaction']>[0]>[0]) => Promise<unknown>,
) {
  return db.transaction(async (tx) => {
    await work(tx);
    await work(tx);
    const rows = await tx.execute<{ statement: string }>(sql`select statement from pg_prepared_statements`);
    return rows.map((row) => row.statement);
  });
}

describe('the database handle', () => {
  it('prepares drizzle statements once per connection, in transactions and savepoints too', async () => {
    const db = open(env().DATABASE_URL);
    await db.select().from(settings).where(eq(settings.key, 'outside-a-transaction'));
    const statements = await preparedOnTheConnection(db, (tx) =>
      tx.transaction((savepoint) => savepoint.select().from(settings).where(eq(settings.key, 'in-a-savepoint'))),
    );
    const settingsReads = statements.filter((statement) => statement.includes('from "settings"'));
    // Read three times (once outside, twice inside), prepared once: the same text is one statement per connection.
    expect(settingsReads).toHaveLength(1);
  });

  it('prepares nothing when DATABASE_URL says ?prepare=false (a pooler in transaction mode)', async () => {
    const url = new URL(env().DATABASE_URL);
    url.searchParams.set('prepare', 'false');
    const db = open(url.toString());
    const statements = await preparedOnTheConnection(db, (tx) => tx.select().from(settings).where(eq(settings.key, 'x')));
    expect(statements.filter((statement) => statement.includes('from "settings"'))).toEqual([]);
  });
});
