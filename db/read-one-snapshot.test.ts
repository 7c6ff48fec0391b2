import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { settings } from '@/db/schema';
import { useTestDatabase } from '@/test/support/test-database';
import { readOneSnapshot } from './read-one-snapshot';

const db = useTestDatabase();

describe('readOneSnapshot', () => {
  it('shows every read the database as of the first, whatever commits in between', async () => {
    const key = `snapshot-test-${Date.now()}`;
    await db.insert(settings).values({ key, value: { n: 1 } });
    const read = () => db.select({ value: settings.value }).from(settings).where(eq(settings.key, key));

    const [first, second] = await readOneSnapshot(db, async (tx) => {
      const before = await tx.select({ value: settings.value }).from(settings).where(eq(settings.key, key));
      await db
        .update(settings)
        .set({ value: { n: 2 } })
        .where(eq(settings.key, key)); // another connection commits
      const after = await tx.select({ value: settings.value }).from(settings).where(eq(settings.key, key));
      return [before, after];
    });

    expect(first).toEqual([{ value: { n: 1 } }]);
    expect(second).toEqual([{ value: { n: 1 } }]);
    expect(await read()).toEqual([{ value: { n: 2 } }]);
  });

  it('refuses writes: a page read never changes anything', async () => {
    await expect(readOneSnapshot(db, (tx) => tx.execute(sql`update settings set value = value where false`))).rejects.toMatchObject({
      cause: { code: '25006' }, // read_only_sql_transaction
    });
  });
});
