import { and, asc, count, eq, gt, lt, sql } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../client';
import { intakeAttempts } from '../schema';

export async function countIntakeAttemptsSince(db: DatabaseOrTransaction, { key, since }: { key: string; since: Date }): Promise<number> {
  const [row] = await db
    .select({ total: count() })
    .from(intakeAttempts)
    .where(and(eq(intakeAttempts.key, key), gt(intakeAttempts.createdAt, since)));
  return row?.total ?? 0;
}

/** When the attempt `offset` places after the oldest one still inside the window was made: once it leaves the window, the count drops by one. */
export async function findIntakeAttemptTime(db: DatabaseOrTransaction, { key, since, offset }: { key: string; since: Date; offset: number }): Promise<Date | null> {
  const [row] = await db
    .select({ createdAt: intakeAttempts.createdAt })
    .from(intakeAttempts)
    .where(and(eq(intakeAttempts.key, key), gt(intakeAttempts.createdAt, since)))
    .orderBy(asc(intakeAttempts.createdAt))
    .offset(offset)
    .limit(1);
  return row?.createdAt ?? null;
}

export async function insertIntakeAttempts(db: DatabaseOrTransaction, { keys, now }: { keys: string[]; now: Date }) {
  if (keys.length > 0) await db.insert(intakeAttempts).values(keys.map((key) => ({ key, createdAt: now })));
}

/** Serialises intake for one key until the transaction ends, so a count and its insert can't interleave. */
export async function lockIntakeKey(db: DatabaseOrTransaction, { key }: { key: string }) {
  await db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`);
}

export async function deleteIntakeAttemptsBefore(db: DatabaseOrTransaction, { before }: { before: Date }) {
  await db.delete(intakeAttempts).where(lt(intakeAttempts.createdAt, before));
}
