import { asc, desc, eq } from 'drizzle-orm';
import type { RowDataPacket } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fulfilmentRuns, fulfilmentSourceResults } from '@/db/schema';
import { withMysqlSource } from '@/lib/data-sources/mysql/connect-mysql-source';
import { streamMysqlSubjectRows } from '@/lib/data-sources/mysql/stream-mysql-subject-rows';
import { resetEnvForTests } from '@/lib/env';
import type { StaffActor } from '@/lib/staff/staff-actor';
import type { TMysqlMap } from '@/lib/validation/data-source';
import { createCrmSource, crmFootprint, demoCrmMap, insertCrmContact, useDemoCrm } from '@/test/support/demo-crm';
import { uniqueShopEmail, useTestSources } from '@/test/support/demo-shop';
import { readZipFile } from '@/test/support/read-zip';
import { getRequest } from '@/test/support/requests';
import { closeSharedDatabase } from '@/test/support/shared-database';
import { createStaffTeam } from '@/test/support/staff';
import { useTestDatabase } from '@/test/support/test-database';
import { createVerifiedRequest } from '@/test/support/verified-request';
import { buildPackage } from '../build-package';
import { runSource } from '../run-source';
import { startDryRun } from '../start-dry-run';
import { startErasure } from '../start-erasure';
import { attachmentPath } from '../store-attachment-file';

const db = useTestDatabase();
const crm = useDemoCrm();
const sources = useTestSources(db);
let agent: StaffActor;

beforeAll(async () => {
  resetEnvForTests();
  ({ agent } = await createStaffTeam(db));
});

afterAll(async () => {
  await closeSharedDatabase();
});

async function latestRun(requestId: string) {
  const [run] = await db.select().from(fulfilmentRuns).where(eq(fulfilmentRuns.requestId, requestId)).orderBy(desc(fulfilmentRuns.createdAt)).limit(1);
  return run!;
}

async function resultsOf(runId: string) {
  return db.select().from(fulfilmentSourceResults).where(eq(fulfilmentSourceResults.runId, runId)).orderBy(asc(fulfilmentSourceResults.sourceName));
}

async function runPendingSources(runId: string): Promise<void> {
  for (const result of await resultsOf(runId)) if (result.status === 'pending') await runSource(db, { sourceResultId: result.id });
}

async function useCrmSourceOnly(map: TMysqlMap = demoCrmMap) {
  const source = sources.track(await createCrmSource(db, { databaseUrl: crm.databaseUrl, map }));
  await sources.enableOnly([source]);
  return source;
}

/** A requester who is a CRM contact (stored with different case), and a neighbour contact. */
async function contactAndNeighbour(type: 'access' | 'deletion') {
  const verified = await createVerifiedRequest(db, { type, input: { fullName: 'Grace Hopper' } });
  const email = verified.input.email;
  const subject = await insertCrmContact(crm.connection, { email: email.toUpperCase(), fullName: 'Grace Hopper', shopCustomerId: 4242 });
  const neighbour = await insertCrmContact(crm.connection, { email: uniqueShopEmail('crm-neighbour'), fullName: 'Alan Turing' });
  return { ...verified, email, subject, neighbour };
}

describe('[system] gathers an access request from a MariaDB source', () => {
  it('the package holds the contact’s rows of every mapped table (JSON and CSV) and none of the neighbour’s', async () => {
    const source = await useCrmSourceOnly();
    const { request, subject, neighbour } = await contactAndNeighbour('access');
    const run = await latestRun(request.id);

    await runPendingSources(run.id);
    const [result] = await resultsOf(run.id);
    expect(result).toMatchObject({ status: 'succeeded', error: null, rowCounts: { contacts: 1, interactions: 2, deals: 1 }, rowsDone: 4 });
    await buildPackage(db, { runId: run.id });

    const built = await latestRun(request.id);
    expect(built.status).toBe('succeeded');
    const files = await readZipFile(attachmentPath(built.packageStorageKey!));
    const json = JSON.parse(files.get(`${source.slug}/${source.slug}.json`)!.toString('utf8'));
    // BIGINT columns come out as strings, as from PostgreSQL sources: never rounded.
    expect(json.tables.contacts).toEqual([
      { id: String(subject.contactId), shop_customer_id: '4242', email: subject.email, full_name: 'Grace Hopper', phone: '+44 20 7946 0000', created_at: '2024-02-03 10:00:00' },
    ]);
    expect(json.tables.interactions.map((row: { summary: string }) => row.summary)).toEqual(['Welcome call booked with Grace Hopper', 'Asked about trade prices; sent the catalogue']);
    expect(json.tables.deals).toEqual([{ id: expect.any(String), title: 'First order for Grace Hopper', amount_pence: 12000, closed_on: '2024-02-03' }]);
    expect(files.get(`${source.slug}/interactions.csv`)!.toString('utf8').split('\n')[0]).toBe('id,happened_at,channel,summary');
    expect(files.get(`${source.slug}/${source.slug}.json`)!.toString('utf8')).not.toContain(neighbour.email);
  });

  it('streams a large table in bounded batches, every row once', async () => {
    const email = uniqueShopEmail('many-interactions');
    const { contactId } = await insertCrmContact(crm.connection, { email });
    await crm.connection.query(
      `insert into interactions (contact_id, happened_at, channel, summary)
       select ?, '2024-01-01 00:00:00', 'email', concat('note ', seq) from seq_1_to_2500`,
      [contactId],
    );
    const interactions = demoCrmMap.tables.find((table) => table.table === 'interactions')!;

    const sizes = await withMysqlSource(crm.databaseUrl, async ({ connection }) => {
      const seen: number[] = [];
      for await (const batch of streamMysqlSubjectRows(connection, demoCrmMap, interactions, { email, accountIdentifier: null }, 1000)) seen.push(batch.length);
      return seen;
    });
    expect(sizes).toEqual([1000, 1000, 502]);
  });

  it('matches a hostile email as a value, never as SQL, and quotes reserved names from the map', async () => {
    await crm.connection.query('create table `select` (`from` varchar(254) not null, `where` text null)');
    await crm.connection.query('insert into `select` values (?, ?), (?, ?)', ["o'brien@example.test", 'theirs', 'other@example.test', 'not theirs']);
    const map: TMysqlMap = { tables: [{ table: 'select', match: { column: 'from', equals: 'email' }, export: ['from', 'where'], erase: { action: 'delete' } }] };

    const rows = await withMysqlSource(crm.databaseUrl, async ({ connection }) => {
      const found: unknown[] = [];
      for await (const batch of streamMysqlSubjectRows(connection, map, map.tables[0]!, { email: "O'Brien@example.test", accountIdentifier: null })) found.push(...batch);
      for await (const batch of streamMysqlSubjectRows(connection, map, map.tables[0]!, { email: "x' or '1'='1", accountIdentifier: null })) found.push(...batch);
      return found;
    });
    expect(rows).toEqual([{ from: "o'brien@example.test", where: 'theirs' }]);
  });
});

describe('[agent] dry-runs and erases a deletion request in a MariaDB source', () => {
  it('the dry run counts and changes nothing; erasure deletes children first, anonymises the contact, keeps the deals, and leaves the neighbour as it was', async () => {
    await useCrmSourceOnly();
    const { request, reference, subject, neighbour } = await contactAndNeighbour('deletion');
    const subjectBefore = await crmFootprint(crm.connection, subject.contactId);
    const neighbourBefore = await crmFootprint(crm.connection, neighbour.contactId);

    const dryRun = await startDryRun(db, { actor: agent, reference, version: request.version });
    await runPendingSources(dryRun.runId);
    expect((await resultsOf(dryRun.runId))[0]).toMatchObject({ status: 'succeeded', rowCounts: { contacts: 1, interactions: 2, deals: 1 }, rowsDone: 3 });
    expect(await crmFootprint(crm.connection, subject.contactId)).toEqual(subjectBefore);

    const erase = await startErasure(db, { actor: agent, reference, version: (await getRequest(db, { id: request.id })).version });
    await runPendingSources(erase.runId);

    expect((await resultsOf(erase.runId))[0]).toMatchObject({ status: 'succeeded', rowCounts: { contacts: 1, interactions: 2, deals: 1 }, rowsDone: 3 });
    const after = await crmFootprint(crm.connection, subject.contactId);
    // interactions are found through the contact's email: deleted before the contact was anonymised.
    expect(after.interactions).toEqual([]);
    expect(after.deals).toEqual(subjectBefore.deals);
    expect(after.contacts).toEqual([
      expect.objectContaining({ shop_customer_id: 4242, email: expect.stringMatching(/^erased-[0-9a-f]{32}$/), full_name: expect.stringMatching(/^erased-[0-9a-f]{32}$/), phone: null }),
    ]);
    expect(await crmFootprint(crm.connection, neighbour.contactId)).toEqual(neighbourBefore);
  });

  it('one transaction per erasure: a table that fails undoes the tables erased before it', async () => {
    // Deleting contacts while their deals still point at them breaks the foreign key, after interactions went.
    const map: TMysqlMap = { tables: demoCrmMap.tables.map((table) => (table.table === 'contacts' ? { ...table, erase: { action: 'delete' } } : table)) };
    await useCrmSourceOnly(map);
    const { request, reference, subject } = await contactAndNeighbour('deletion');
    const before = await crmFootprint(crm.connection, subject.contactId);

    const dryRun = await startDryRun(db, { actor: agent, reference, version: request.version });
    await runPendingSources(dryRun.runId);
    const erase = await startErasure(db, { actor: agent, reference, version: (await getRequest(db, { id: request.id })).version });
    await runPendingSources(erase.runId);

    const [result] = await resultsOf(erase.runId);
    expect(result).toMatchObject({ status: 'failed', error: expect.stringContaining('foreign key') });
    expect(await crmFootprint(crm.connection, subject.contactId)).toEqual(before);
    const [[{ total }]] = await crm.connection.query<(RowDataPacket & { total: number })[]>('select count(*) as total from interactions where contact_id = ?', [subject.contactId]);
    expect(Number(total)).toBe(2);
  });
});
