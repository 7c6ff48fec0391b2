import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { env } from '@/lib/env';
import { useTestDatabase } from '@/test/support/test-database';
import { afterCommit, tracksCommits } from './after-commit';

const db = useTestDatabase();
const bare = postgres(env().DATABASE_URL, { max: 1, onnotice: () => {} });
afterAll(() => bare.end({ timeout: 1 }));

describe('after-commit hooks', () => {
  it('run once the outermost transaction has committed, with the database handle', async () => {
    const ran: string[] = [];
    let seenBy: Database | null = null;
    await db.transaction(async (tx) => {
      await tx.execute(sql`select 1`);
      expect(
        afterCommit(tx, (database) => {
          seenBy = database;
          ran.push('outer');
        }),
      ).toBe(db);
      await tx.transaction(async (savepoint) => {
        afterCommit(savepoint, () => ran.push('savepoint'));
      });
      // Released savepoint, transaction still open: nothing has run.
      expect(ran).toEqual([]);
    });
    expect(ran).toEqual(['outer', 'savepoint']);
    expect(seenBy).toBe(db);
  });

  it('never run when the transaction rolls back, nor for a savepoint rolled back inside one that commits', async () => {
    const ran: string[] = [];
    await expect(
      db.transaction(async (tx) => {
        afterCommit(tx, () => ran.push('rolled back'));
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(ran).toEqual([]);

    // A rolled-back savepoint's hook still runs: a wake for nothing is harmless, and the outer commit is what counts.
    await db.transaction(async (tx) => {
      await tx
        .transaction(async (savepoint) => {
          afterCommit(savepoint, () => ran.push('savepoint'));
          throw new Error('roll back the savepoint');
        })
        .catch(() => {});
    });
    expect(ran).toEqual(['savepoint']);
  });

  it('run at once on a database handle (each statement commits by itself)', () => {
    const ran: string[] = [];
    expect(afterCommit(db, () => ran.push('now'))).toBe(db);
    expect(ran).toEqual(['now']);
  });

  it('are refused for a handle createDatabase did not make', async () => {
    const other = drizzle(bare) as unknown as Database;
    expect(tracksCommits(other)).toBe(false);
    await other.transaction(async (tx) => {
      expect(tracksCommits(tx as never)).toBe(false);
      expect(afterCommit(tx as never, () => {})).toBeNull();
    });
  });

  it('a hook that throws does not fail the committed transaction', async () => {
    await expect(
      db.transaction(async (tx) => {
        afterCommit(tx, () => {
          throw new Error('hook failed');
        });
        return 'committed';
      }),
    ).resolves.toBe('committed');
  });
});
