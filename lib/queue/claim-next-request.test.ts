import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { createDatabase } from '@/db/client';
import { requestEvents, requests } from '@/db/schema';
import { env } from '@/lib/env';
import type { StaffActor } from '@/lib/staff/staff-actor';
import { createStaffMember } from '@/test/support/staff';
import { parkUnassignedOpenRequests } from '@/test/support/queue';
import { useTestDatabase } from '@/test/support/test-database';
import { createVerifiedRequest } from '@/test/support/verified-request';
import { claimNextRequest } from './claim-next-request';

const db = useTestDatabase();
// Enough connections that every agent's transaction really runs at the same time.
const pool = createDatabase(env().DATABASE_URL, { max: 20 });
afterAll(() => pool.close());

const DAY = 24 * 60 * 60 * 1000;

/**
 * Earlier tests in this file leave unassigned open requests behind; they go to a
 * parking member so the queue holds exactly what this test created.
 */
beforeEach(() => parkUnassignedOpenRequests(db));

/** `count` confirmed requests received one day apart from `firstDay`, most urgent first. */
async function openRequests(count: number, firstDay: string): Promise<string[]> {
  const start = new Date(`${firstDay}T10:00:00Z`).getTime();
  const created = await Promise.all(
    Array.from({ length: count }, (_, index) => createVerifiedRequest(db, { now: new Date(start + index * DAY) })),
  );
  return created.map((request) => request.reference);
}

async function agents(count: number): Promise<StaffActor[]> {
  return Promise.all(Array.from({ length: count }, (_, index) => createStaffMember(db, { role: 'agent', name: `Agent ${index}` })));
}

describe('[agent] claims the next request', () => {
  it('gets the most urgent unassigned request, with a "claimed" event naming them', async () => {
    const references = await openRequests(3, '2001-02-01');
    const [agent] = await agents(1);

    expect(await claimNextRequest(pool.db, { actor: agent! })).toBe(references[0]);
    expect(await claimNextRequest(pool.db, { actor: agent! })).toBe(references[1]);

    const [claimed] = await db.select().from(requests).where(eq(requests.reference, references[0]!));
    expect(claimed!.assigneeId).toBe(agent!.staffId);
    const events = await db.select().from(requestEvents).where(eq(requestEvents.requestId, claimed!.id));
    // Other events (the acknowledgement the worker queues) may land after it: look the claim up by its action.
    const claimEvents = events.filter((event) => event.action === 'claimed');
    expect(claimEvents).toHaveLength(1);
    expect(claimEvents[0]).toMatchObject({
      action: 'claimed',
      actorType: 'staff',
      actorId: agent!.staffId,
      details: { to: agent!.staffId },
    });
    // Written in the claim's own statement, still chained to the request's previous event.
    const before = events
      .filter((event) => event.id < claimEvents[0]!.id)
      .sort((a, b) => a.id - b.id)
      .at(-1);
    expect(claimEvents[0]!.previousHash).toBe(before!.hash);
  });

  it.each([1, 2, 3])('round %i: ten agents claiming at once never share a request; the extras get null', async (round) => {
    const references = await openRequests(6, `200${round + 1}-03-01`);
    const team = await agents(10);

    const claimed = await Promise.all(team.map((actor) => claimNextRequest(pool.db, { actor })));

    const given = claimed.filter((reference): reference is string => reference !== null);
    expect(given).toHaveLength(6);
    expect(new Set(given).size).toBe(6);
    expect([...given].sort()).toEqual([...references].sort());
    expect(claimed.filter((reference) => reference === null)).toHaveLength(4);

    const rows = await db
      .select({ reference: requests.reference, assigneeId: requests.assigneeId })
      .from(requests)
      .where(inArray(requests.reference, references));
    const byReference = new Map(rows.map((row) => [row.reference, row.assigneeId]));
    team.forEach((actor, index) => {
      const reference = claimed[index];
      if (reference) expect(byReference.get(reference)).toBe(actor.staffId);
    });
  });

  it('with more requests than agents, the ones claimed at once are the most urgent', async () => {
    const references = await openRequests(15, '2000-05-01');
    const team = await agents(10);

    const claimed = await Promise.all(team.map((actor) => claimNextRequest(pool.db, { actor })));

    expect(claimed.every((reference) => reference !== null)).toBe(true);
    expect([...claimed].sort()).toEqual(references.slice(0, 10).sort());
  });
});
