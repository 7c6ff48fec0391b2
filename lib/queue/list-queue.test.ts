import { and, count, inArray, isNotNull, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { requests } from '@/db/schema';
import { rejectRequest } from '@/lib/requests/reject-request';
import { startWork } from '@/lib/requests/start-work';
import type { StaffActor } from '@/lib/staff/staff-actor';
import { queueSorts, type TQueueFilters, ZQueueFilters } from '@/lib/validation/queue-filters';
import { createStaffMember } from '@/test/support/staff';
import { useTestDatabase } from '@/test/support/test-database';
import { createVerifiedRequest, type VerifiedRequest } from '@/test/support/verified-request';
import { listQueue, QUEUE_PAGE_SIZE, type QueueRow } from './list-queue';

const db = useTestDatabase();
const DAY = 24 * 60 * 60 * 1000;
const jurisdictions = ['eu_gdpr', 'us_ca_ccpa', 'uk_gdpr'] as const;
const types = ['access', 'export', 'deletion'] as const;
// A received-date window of its own, so the range filter isolates these requests from the rest of this file's.
const window = { receivedFrom: '1995-06-01', receivedTo: '1995-06-30' };

const filtersOf = (input: Record<string, unknown>): TQueueFilters => ZQueueFilters.parse(input);

async function allPages(actor: StaffActor, input: Record<string, unknown>): Promise<{ rows: QueueRow[]; pageSizes: number[] }> {
  const rows: QueueRow[] = [];
  const pageSizes: number[] = [];
  let after: string | undefined;
  do {
    const page = await listQueue(db, { actor, filters: filtersOf({ ...input, after }) });
    rows.push(...page.rows);
    pageSizes.push(page.rows.length);
    after = page.nextCursor ?? undefined;
  } while (after);
  return { rows, pageSizes };
}

describe('[agent] lists the queue', () => {
  let agent: StaffActor;
  let auditor: StaffActor;
  let created: VerifiedRequest[];
  const mine = new Set<string>();

  beforeAll(async () => {
    agent = await createStaffMember(db, { role: 'agent', name: 'Queue Agent' });
    auditor = await createStaffMember(db, { role: 'auditor' });
    created = [];
    for (let batch = 0; batch < 12; batch++) {
      created.push(
        ...(await Promise.all(
          Array.from({ length: 10 }, (_, offset) => {
            const index = batch * 10 + offset;
            return createVerifiedRequest(db, {
              jurisdiction: jurisdictions[index % 3],
              type: types[Math.floor(index / 3) % 3],
              now: new Date(Date.UTC(1995, 5, 1 + (index % 30), 9)),
            });
          }),
        )),
      );
    }
    for (const subject of created.filter((_, index) => index % 10 === 0)) {
      await startWork(db, { actor: agent, reference: subject.reference, version: subject.request.version });
      mine.add(subject.reference);
    }
  });

  it(`returns every open request exactly once across pages of ${QUEUE_PAGE_SIZE}, most urgent first`, async () => {
    expect(QUEUE_PAGE_SIZE).toBe(50);
    const { rows, pageSizes } = await allPages(agent, window);

    expect(pageSizes).toEqual([50, 50, 20]);
    expect(rows.map((row) => row.reference).sort()).toEqual(created.map((subject) => subject.reference).sort());
    const keys = rows.map((row) => `${row.dueOn} ${row.id}`);
    expect(keys).toEqual([...keys].sort());
    expect(rows.every((row) => row.dueOn < '1995-09-01' && row.dueOn > '1995-06-30')).toBe(true);
    // An auditor reads the same queue.
    expect((await allPages(auditor, window)).rows.map((row) => row.id)).toEqual(rows.map((row) => row.id));
  });

  it.each([
    ['an impossible date', ['2026-02-30', '00000000-0000-4000-8000-000000000000']],
    ['an id that is not a UUID', ['1995-06-10', '0123456789abcdef0123456789abcdef0123']],
    ['a date with a time zone tail', ['1995-06-10T00:00:00+99', '00000000-0000-4000-8000-000000000000']],
    ['not a pair', { dueOn: '1995-06-10' }],
  ])('starts from the first page when the cursor holds %s (a hand-edited link), instead of failing the query', async (_, cursor) => {
    const after = Buffer.from(JSON.stringify(cursor)).toString('base64url');
    const first = await listQueue(db, { actor: agent, filters: filtersOf({ ...window, status: 'all' }) });

    const page = await listQueue(db, { actor: agent, filters: filtersOf({ ...window, status: 'all', after }) });

    expect(page.rows.map((row) => row.reference)).toEqual(first.rows.map((row) => row.reference));
  });

  it('filters by type, jurisdiction, and assignee (me / unassigned)', async () => {
    const deletions = (await allPages(agent, { ...window, type: 'deletion' })).rows;
    expect(deletions.map((row) => row.reference).sort()).toEqual(
      created
        .filter((subject) => subject.input.type === 'deletion')
        .map((subject) => subject.reference)
        .sort(),
    );

    const ccpa = (await allPages(agent, { ...window, jurisdiction: 'us_ca_ccpa' })).rows;
    expect(ccpa.map((row) => row.reference).sort()).toEqual(
      created
        .filter((subject) => subject.input.jurisdiction === 'us_ca_ccpa')
        .map((subject) => subject.reference)
        .sort(),
    );

    const assignedToMe = (await allPages(agent, { ...window, assignee: 'me' })).rows;
    expect(assignedToMe.map((row) => row.reference).sort()).toEqual([...mine].sort());
    expect(assignedToMe.every((row) => row.assigneeName === 'Queue Agent' && row.status === 'in_progress')).toBe(true);

    const unassigned = (await allPages(agent, { ...window, assignee: 'unassigned' })).rows;
    expect(unassigned).toHaveLength(created.length - mine.size);
    expect(unassigned.some((row) => mine.has(row.reference))).toBe(false);

    // "Me" is whoever asks: the auditor has nothing assigned.
    expect((await allPages(auditor, { ...window, assignee: 'me' })).rows).toEqual([]);
  });

  it('filters by received range (inclusive)', async () => {
    const firstWeek = (await allPages(agent, { receivedFrom: '1995-06-01', receivedTo: '1995-06-07' })).rows;
    expect(firstWeek.map((row) => row.reference).sort()).toEqual(
      created
        .filter((subject) => subject.request.receivedOn <= '1995-06-07')
        .map((subject) => subject.reference)
        .sort(),
    );
    expect(firstWeek).toHaveLength(28);
  });

  it('finds a request by reference (any case) and by the requester’s email', async () => {
    const subject = created[17]!;
    expect(
      (await listQueue(db, { actor: agent, filters: filtersOf({ q: subject.reference.toLowerCase() }) })).rows.map((row) => row.reference),
    ).toEqual([subject.reference]);
    expect(
      (await listQueue(db, { actor: agent, filters: filtersOf({ q: ` ${subject.input.email} ` }) })).rows.map((row) => row.reference),
    ).toEqual([subject.reference]);
    expect((await listQueue(db, { actor: agent, filters: filtersOf({ q: 'DSR-1995-999999' }) })).rows).toEqual([]);
  });

  it('shows overdue and due-soon requests in their filters only', async () => {
    // CCPA: 45 days from receipt, no weekend roll.
    const receivedDaysAgo = async (days: number) =>
      createVerifiedRequest(db, { jurisdiction: 'us_ca_ccpa', now: new Date(Date.now() - days * DAY) });
    const [overdue, dueSoon, later] = await Promise.all([receivedDaysAgo(50), receivedDaysAgo(42), receivedDaysAgo(0)]);
    const matches = async (subject: VerifiedRequest, flag: 'overdue' | 'dueSoon') =>
      (await listQueue(db, { actor: agent, filters: filtersOf({ q: subject.reference, [flag]: '1' }) })).rows.length === 1;

    expect([await matches(overdue!, 'overdue'), await matches(dueSoon!, 'overdue'), await matches(later!, 'overdue')]).toEqual([
      true,
      false,
      false,
    ]);
    expect([await matches(overdue!, 'dueSoon'), await matches(dueSoon!, 'dueSoon'), await matches(later!, 'dueSoon')]).toEqual([
      false,
      true,
      false,
    ]);
  });

  it('counts open requests per status, and the counts follow a change', async () => {
    // Only the open statuses are counted: closed ones grow without bound (see list-queue.ts).
    const expected = async () => {
      const rows = await db
        .select({ status: requests.status, total: count() })
        .from(requests)
        .where(and(inArray(requests.status, ['new', 'in_progress', 'awaiting_requester']), isNotNull(requests.dueOn)))
        .groupBy(requests.status);
      return Object.fromEntries(rows.map((row) => [row.status, row.total]));
    };
    const before = await listQueue(db, { actor: agent, filters: filtersOf({}) });
    expect(before.statusCounts).toEqual(await expected());

    const subject = created[33]!;
    await rejectRequest(db, { actor: agent, reference: subject.reference, version: subject.request.version, basis: 'spam' });

    const after = await listQueue(db, { actor: agent, filters: filtersOf({}) });
    expect(after.statusCounts).not.toHaveProperty('rejected');
    expect(after.statusCounts.new).toBe(before.statusCounts.new! - 1);
    expect((await allPages(agent, window)).rows).toHaveLength(created.length - 1);
    expect((await allPages(agent, { ...window, status: 'rejected' })).rows.map((row) => row.reference)).toEqual([subject.reference]);
  });
});

describe('[agent] sorts the queue by a column, every sort paging by its own keyset', () => {
  let agent: StaffActor;
  beforeAll(async () => {
    agent = await createStaffMember(db, { role: 'agent' });
  });

  it.each(queueSorts)('sort=%s returns every request in the window exactly once, in that order', async (sort) => {
    const { rows, pageSizes } = await allPages(agent, { ...window, sort });
    const { rows: byDue } = await allPages(agent, window);

    expect(pageSizes.slice(0, -1).every((size) => size === QUEUE_PAGE_SIZE)).toBe(true);
    expect(rows).toHaveLength(byDue.length);
    expect(rows.map((row) => row.id).sort()).toEqual(byDue.map((row) => row.id).sort());
    const column = sort.replace('-', '') as 'due' | 'received' | 'reference';
    const sortKeyOf = (row: QueueRow) => (column === 'due' ? row.dueOn : column === 'received' ? row.receivedOn : row.reference);
    const keys = rows.map((row) => `${sortKeyOf(row)} ${row.id}`);
    const sorted = [...keys].sort();
    expect(keys).toEqual(sort.startsWith('-') ? sorted.reverse() : sorted);
  });
});

describe('[agent] searches the queue by part of a name, an email address or a reference (pg_trgm)', () => {
  let agent: StaffActor;
  let open: VerifiedRequest;
  let closed: VerifiedRequest;
  const marker = `q${Date.now().toString(36)}`;

  beforeAll(async () => {
    agent = await createStaffMember(db, { role: 'agent' });
    const received = new Date(Date.UTC(1993, 2, 3, 9));
    open = await createVerifiedRequest(db, {
      now: received,
      input: { fullName: `Ottoline Quarrington`, email: `ottoline.${marker}@example.org` },
    });
    closed = await createVerifiedRequest(db, {
      type: 'deletion',
      now: received,
      input: { fullName: 'Ottoline Quarrington', email: `o.quarrington.${marker}@example.net` },
    });
    await rejectRequest(db, { actor: agent, reference: closed.reference, version: closed.request.version, basis: 'duplicate' });
  });

  const search = (input: Record<string, unknown>) => listQueue(db, { actor: agent, filters: filtersOf(input) });

  it('finds open and closed requests by part of the name, any case, and says that closed ones are included', async () => {
    const page = await search({ q: 'qUaRRingt' });

    expect(page.rows.map((row) => row.reference).sort()).toEqual([open.reference, closed.reference].sort());
    expect(page.searchScope).toBe('open_and_closed');
    expect(page.rows.find((row) => row.reference === open.reference)).toMatchObject({
      requesterName: 'Ottoline Quarrington',
      requesterEmail: `ottoline.${marker}@example.org`,
    });

    const openOnly = await search({ q: 'quarringt', openOnly: '1' });
    expect(openOnly.rows.map((row) => row.reference)).toEqual([open.reference]);
    expect(openOnly.searchScope).toBe('as_filtered');
  });

  it('finds a request by part of the email address and by part of the reference', async () => {
    expect((await search({ q: `${marker}@example.n` })).rows.map((row) => row.reference)).toEqual([closed.reference]);
    const fragment = open.reference.slice(-8).toLowerCase();
    const byReference = (await search({ q: fragment })).rows.map((row) => row.reference);
    expect(byReference).toContain(open.reference);
    expect(byReference.every((reference) => reference.toLowerCase().includes(fragment))).toBe(true);
  });

  it('finds a whole reference or a whole address exactly, by index, not through the trigrams; unknown whole terms still match in part', async () => {
    expect((await search({ q: open.reference.toLowerCase() })).rows.map((row) => row.reference)).toEqual([open.reference]);
    // An address that contains this one whole: part of the results of a search in part, never of an exact one.
    const longer = await createVerifiedRequest(db, {
      now: new Date(Date.UTC(1993, 2, 3, 9)),
      input: { fullName: 'Jo Quill', email: `jo.ottoline.${marker}@example.org` },
    });
    expect((await search({ q: `OTTOLINE.${marker}@example.org` })).rows.map((row) => row.reference)).toEqual([open.reference]);
    expect((await search({ q: `ottoline.${marker}@example.or` })).rows.map((row) => row.reference).sort()).toEqual(
      [open.reference, longer.reference].sort(),
    );
    // Shaped like a whole address but nobody filed with it: searched in part, as it is typed.
    expect((await search({ q: `${marker}@example.net` })).rows.map((row) => row.reference)).toEqual([closed.reference]);
  });

  it('treats % and _ as text, not as wildcards', async () => {
    expect((await search({ q: '%' })).rows).toEqual([]);
    expect((await search({ q: 'Ottoline_Quarrington' })).rows).toEqual([]);
  });

  it('answers from the trigram indexes (the pg_trgm extension is installed by the migration)', async () => {
    const [extension] = await db.execute<{ extname: string }>(sql`select extname from pg_extension where extname = 'pg_trgm'`);
    expect(extension?.extname).toBe('pg_trgm');
    const plan = await db.transaction(async (tx) => {
      // The test table is tiny, so the planner would read it whole; this asks whether the index can answer at all.
      await tx.execute(sql`set local enable_seqscan = off`);
      return tx.execute<{ 'QUERY PLAN': string }>(sql`explain select request_id from request_search where email ilike ${`%${marker}%`}`);
    });
    expect(plan.map((line) => line['QUERY PLAN']).join('\n')).toContain('request_search_email_trgm');
  });

  it('keeps the search in step with the request: a changed or cleared name is found by its new value only', async () => {
    const [row] = await db.execute<{ reference: string | null; email: string | null; full_name: string | null }>(
      sql`select reference, email, full_name from request_search where request_id = ${open.request.id}`,
    );
    expect(row).toEqual({ reference: open.reference, email: `ottoline.${marker}@example.org`, full_name: 'Ottoline Quarrington' });

    await db.execute(sql`update requests set full_name = 'Ottoline Vexborough' where id = ${open.request.id}`);
    expect((await search({ q: 'vexborou' })).rows.map((result) => result.reference)).toEqual([open.reference]);
    expect((await search({ q: 'quarringt' })).rows.map((result) => result.reference)).toEqual([closed.reference]);

    // Minimisation clears the name and address on the request; the copy kept for search goes with them.
    await db.execute(sql`update requests set full_name = null, email = null where id = ${closed.request.id}`);
    expect((await search({ q: 'quarringt' })).rows).toEqual([]);
    const [cleared] = await db.execute<{ email: string | null; full_name: string | null }>(
      sql`select email, full_name from request_search where request_id = ${closed.request.id}`,
    );
    expect(cleared).toEqual({ email: null, full_name: null });
  });
});
