import { eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createDatabase } from '@/db/client';
import { requestStatusDeltas, requests } from '@/db/schema';
import { env } from '@/lib/env';
import { requestStatuses } from '@/lib/requests/request-status';
import { createStaffMember } from '@/test/support/staff';
import { useTestDatabase } from '@/test/support/test-database';
import { createVerifiedRequest } from '@/test/support/verified-request';
import { claimNextRequest } from './claim-next-request';
import { countRequestsByStatus } from './count-requests-by-status';
import { foldStatusCounts } from './fold-status-counts';

const db = useTestDatabase();
// Enough connections that the agents' claims really run at the same time.
const pool = createDatabase(env().DATABASE_URL, { max: 12 });
afterAll(() => pool.close());

/** What counting the table itself says, every status. */
async function countedFromTable(): Promise<Partial<Record<string, number>>> {
  const rows = await db.execute<{ status: string; total: number }>(
    sql`select status, count(*)::int as total from requests group by status`,
  );
  return Object.fromEntries(rows.map((row) => [row.status, row.total]));
}

describe('[agent] the queue tabs count requests per status without counting the table', () => {
  it('match the table after requests are filed, claimed at once by several agents, and deleted; before and after a fold', async () => {
    await Promise.all(Array.from({ length: 12 }, () => createVerifiedRequest(db)));
    const agents = await Promise.all(
      Array.from({ length: 4 }, (_, index) => createStaffMember(db, { role: 'agent', name: `Counter ${index}` })),
    );
    // Four agents claim three each, at the same moment, on their own connections.
    await Promise.all(agents.flatMap((agent) => Array.from({ length: 3 }, () => claimNextRequest(pool.db, { actor: agent }))));
    // A status change outside the use cases (raw SQL, a script) is counted too, as is a deleted request.
    const [moved] = await db.select({ id: requests.id }).from(requests).where(eq(requests.status, 'new')).limit(1);
    await db.execute(sql`update requests set status = 'awaiting_requester' where id = ${moved!.id}`);
    // Requests with events are never deleted (the trail is append-only); a bare row stands in for the purge's kind.
    const [bare] = await db
      .insert(requests)
      .values({
        type: 'access',
        channel: 'api',
        jurisdiction: 'eu_gdpr',
        emailHash: 'bare',
        email: 'bare@example.test',
        fullName: 'Bare',
        receivedOn: '2026-01-01',
      })
      .returning({ id: requests.id });
    await db.delete(requests).where(eq(requests.id, bare!.id));

    expect(await countRequestsByStatus(db, requestStatuses)).toEqual(await countedFromTable());
    expect((await db.select().from(requestStatusDeltas)).length).toBeGreaterThan(0);

    expect(await foldStatusCounts(db)).toBeGreaterThan(0);
    expect(await db.select().from(requestStatusDeltas)).toEqual([]);
    expect(await countRequestsByStatus(db, requestStatuses)).toEqual(await countedFromTable());
    // Nothing left to fold: the totals stay as they are.
    expect(await foldStatusCounts(db)).toBe(0);
    expect(await countRequestsByStatus(db, requestStatuses)).toEqual(await countedFromTable());
  });

  it('a change that rolls back counts nothing; a status rewritten to itself counts nothing', async () => {
    const { request } = await createVerifiedRequest(db);
    const before = await countRequestsByStatus(db, requestStatuses);
    await db
      .transaction(async (tx) => {
        await tx.update(requests).set({ status: 'rejected' }).where(eq(requests.id, request.id));
        throw new Error('roll back');
      })
      .catch(() => {});
    await db.execute(sql`update requests set status = status where id = ${request.id}`);
    expect(await countRequestsByStatus(db, requestStatuses)).toEqual(before);
  });

  it('folds run side by side move every delta once', async () => {
    await Promise.all(Array.from({ length: 6 }, () => createVerifiedRequest(db)));
    await Promise.all([foldStatusCounts(pool.db), foldStatusCounts(pool.db), foldStatusCounts(pool.db)]);
    expect(await db.select().from(requestStatusDeltas)).toEqual([]);
    expect(await countRequestsByStatus(db, requestStatuses)).toEqual(await countedFromTable());
  });
});
